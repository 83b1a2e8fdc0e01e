namespace VibeCoder.Runtime.Filters;

/// <summary>A grain call as a filter sees it. Orleans: <c>IGrainCallContext</c>.</summary>
public interface IGrainCallContext
{
    /// <summary>The grain called.</summary>
    GrainId TargetId { get; }

    /// <summary>The grain interface called through.</summary>
    Type InterfaceType { get; }

    /// <summary>The method name.</summary>
    string MethodName { get; }

    /// <summary>How many arguments the call has.</summary>
    int ArgumentCount { get; }

    /// <summary>An argument, boxed.</summary>
    object? GetArgument(int index);

    /// <summary>The result once <see cref="Invoke"/> completed; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Calls the next filter, or the grain (incoming) / the target (outgoing) at the end of the chain.</summary>
    Task Invoke();
}
