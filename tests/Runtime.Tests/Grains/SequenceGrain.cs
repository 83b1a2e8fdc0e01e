namespace VibeCoder.Runtime.Tests.Grains;

public sealed record SequenceSnapshot(IReadOnlyList<int> Values, int Violations);

public interface ISequenceGrain : IGrainWithGuidKey
{
    Task Append(int value);

    Task<SequenceSnapshot> Read();
}

/// <summary>Records values with awaits in between and counts any moment two requests were inside at once.</summary>
public sealed class SequenceGrain : Grain, ISequenceGrain
{
    private readonly List<int> _values = [];
    private int _inside;
    private int _violations;

    public async Task Append(int value)
    {
        if (++_inside > 1)
        {
            _violations++;
        }

        await Task.Yield();
        _values.Add(value);
        await Task.Yield();
        _inside--;
    }

    public Task<SequenceSnapshot> Read() => Task.FromResult(new SequenceSnapshot(_values.ToArray(), _violations));
}
