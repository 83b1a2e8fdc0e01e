using System.Reflection;

namespace VibeCoder.Runtime.Streams;

/// <summary>Makes grain delivery targets for an item type known only at run time (restored subscriptions, implicit ones).</summary>
internal static class DeliveryTargets
{
    private static readonly MethodInfo CreateGrainTargetMethod =
        typeof(DeliveryTargets).GetMethod(nameof(CreateGrainTarget), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>A factory of grain targets for items of <paramref name="itemType"/>.</summary>
    public static Func<StreamProvider, GrainId, IDeliveryTarget> GrainTargetFactory(Type itemType) =>
        CreateGrainTargetMethod.MakeGenericMethod(itemType).CreateDelegate<Func<StreamProvider, GrainId, IDeliveryTarget>>();

    /// <summary>The item types of the <see cref="IAsyncObserver{T}"/> interfaces a class implements.</summary>
    public static Type[] ObservedItemTypes(Type grainClass) =>
        grainClass.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncObserver<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToArray();

    private static IDeliveryTarget CreateGrainTarget<T>(StreamProvider provider, GrainId grain) => new GrainDeliveryTarget<T>(provider, grain);
}
