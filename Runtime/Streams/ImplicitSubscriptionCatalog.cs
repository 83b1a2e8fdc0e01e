using System.Reflection;
using VibeCoder.Runtime.Activation;

namespace VibeCoder.Runtime.Streams;

/// <summary>
/// The grain classes with <see cref="ImplicitStreamSubscriptionAttribute"/> among the silo's grain classes, by
/// namespace. Built once per provider at start; read-only afterwards.
/// </summary>
internal sealed class ImplicitSubscriptionCatalog
{
    private readonly Dictionary<string, ImplicitSubscriber[]> _byNamespace;

    private ImplicitSubscriptionCatalog(Dictionary<string, ImplicitSubscriber[]> byNamespace) => _byNamespace = byNamespace;

    public bool IsEmpty => _byNamespace.Count == 0;

    /// <exception cref="InvalidOperationException">A subscribed class does not observe exactly one item type.</exception>
    public static ImplicitSubscriptionCatalog Create(IEnumerable<GrainClassInfo> grainClasses)
    {
        var byNamespace = new Dictionary<string, List<ImplicitSubscriber>>(StringComparer.Ordinal);
        foreach (var info in grainClasses.OrderBy(c => c.TypeName, StringComparer.Ordinal))
        {
            var namespaces = info.GrainClass.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>().Select(a => a.Namespace).Distinct().ToArray();
            if (namespaces.Length == 0)
            {
                continue;
            }

            var itemTypes = DeliveryTargets.ObservedItemTypes(info.GrainClass);
            if (itemTypes.Length != 1)
            {
                throw new InvalidOperationException(
                    $"Grain class {info.GrainClass.FullName} has [ImplicitStreamSubscription] but implements IAsyncObserver<T> " +
                    $"for {itemTypes.Length} item types; it must implement it for exactly one.");
            }

            var subscriber = new ImplicitSubscriber(info.TypeName, itemTypes[0], DeliveryTargets.GrainTargetFactory(itemTypes[0]));
            foreach (var name in namespaces)
            {
                if (string.IsNullOrEmpty(name))
                {
                    throw new InvalidOperationException($"Grain class {info.GrainClass.FullName} has an [ImplicitStreamSubscription] with an empty namespace.");
                }

                if (!byNamespace.TryGetValue(name, out var list))
                {
                    byNamespace[name] = list = [];
                }

                list.Add(subscriber);
            }
        }

        return new ImplicitSubscriptionCatalog(byNamespace.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The classes subscribed to <paramref name="namespace"/> (empty when none).</summary>
    public IReadOnlyList<ImplicitSubscriber> For(string @namespace) =>
        _byNamespace.TryGetValue(@namespace, out var subscribers) ? subscribers : [];
}
