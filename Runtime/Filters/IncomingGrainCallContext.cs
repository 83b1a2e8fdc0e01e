using VibeCoder.Runtime.Invocation;

namespace VibeCoder.Runtime.Filters;

/// <summary>Walks the incoming filter chain for one request, then invokes the grain.</summary>
internal sealed class IncomingGrainCallContext<TResult>(
    GrainRequest<TResult> request, object grain, IIncomingGrainCallFilter[] filters) : IIncomingGrainCallContext
{
    private int _stage;
    private TResult? _result;

    public object Grain => grain;

    public GrainId TargetId => request.TargetId;

    public Type InterfaceType => request.InterfaceType;

    public string MethodName => request.MethodName;

    public int ArgumentCount => request.ArgumentCount;

    public object? Result
    {
        get => _result;
        set => _result = (TResult?)value;
    }

    public static async ValueTask<TResult> InvokeAsync(GrainRequest<TResult> request, object grain, IIncomingGrainCallFilter[] filters)
    {
        var context = new IncomingGrainCallContext<TResult>(request, grain, filters);
        await context.Invoke();
        return context._result!;
    }

    public object? GetArgument(int index) => request.GetArgument(index);

    public async Task Invoke()
    {
        if (_stage < filters.Length)
        {
            await filters[_stage++].Invoke(this);
            return;
        }

        _result = await request.InvokeTarget(grain);
    }
}
