using VibeCoder.Runtime.Invocation;

namespace VibeCoder.Runtime.Filters;

/// <summary>Walks the outgoing filter chain for one call, then sends it.</summary>
internal sealed class OutgoingGrainCallContext<TResult>(
    GrainReference target, GrainRequest<TResult> request, GrainId? sourceId, IOutgoingGrainCallFilter[] filters)
    : IOutgoingGrainCallContext
{
    private int _stage;
    private TResult? _result;

    public GrainId? SourceId => sourceId;

    public GrainId TargetId => target.GrainId;

    public Type InterfaceType => request.InterfaceType;

    public string MethodName => request.MethodName;

    public int ArgumentCount => request.ArgumentCount;

    public object? Result
    {
        get => _result;
        set => _result = (TResult?)value;
    }

    public static async Task<TResult> InvokeAsync(
        GrainReference target, GrainRequest<TResult> request, GrainId? sourceId, IOutgoingGrainCallFilter[] filters)
    {
        var context = new OutgoingGrainCallContext<TResult>(target, request, sourceId, filters);
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

        var task = request.TypedTask;
        target.Runtime.Dispatch(target, request);
        _result = await task;
    }
}
