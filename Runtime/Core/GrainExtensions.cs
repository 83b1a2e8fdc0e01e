namespace VibeCoder.Runtime;

/// <summary>Helpers on grains and references.</summary>
public static class GrainExtensions
{
    /// <summary>
    /// A reference to this grain through interface <typeparamref name="TGrainInterface"/>, to hand to other grains
    /// (never hand out <c>this</c>). Orleans: <c>AsReference&lt;T&gt;</c>.
    /// </summary>
    public static TGrainInterface AsReference<TGrainInterface>(this Grain grain) where TGrainInterface : IGrain
    {
        ArgumentNullException.ThrowIfNull(grain);
        return (TGrainInterface)grain.Activation.Runtime.Factory.GetGrain(typeof(TGrainInterface), grain.GrainId);
    }

    /// <summary>The identity of a grain reference or grain.</summary>
    public static GrainId GetGrainId(this IAddressable addressable) => addressable switch
    {
        Invocation.GrainReference reference => reference.GrainId,
        Grain grain => grain.GrainId,
        _ => throw new ArgumentException($"{addressable.GetType().Name} is neither a grain nor a grain reference.", nameof(addressable)),
    };
}
