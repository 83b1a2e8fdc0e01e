using System.Collections.Concurrent;
using System.Reflection;

namespace VibeCoder.Runtime.Invocation;

/// <summary>
/// Process-wide map from grain interface to its generated proxy constructor. Proxies are found through the
/// <see cref="GrainProxyProviderAttribute"/> of the interface's assembly the first time they are needed.
/// </summary>
internal static class GrainProxyRegistry
{
    private static readonly ConcurrentDictionary<Type, Func<GrainReferenceShared, GrainId, GrainReference>> Proxies = new();
    private static readonly HashSet<Assembly> LoadedAssemblies = [];
    private static readonly Lock LoadLock = new();

    public static Func<GrainReferenceShared, GrainId, GrainReference> Get(Type grainInterface)
    {
        if (Proxies.TryGetValue(grainInterface, out var create))
        {
            return create;
        }

        Load(grainInterface.Assembly);
        return Proxies.TryGetValue(grainInterface, out create)
            ? create
            : throw new InvalidOperationException(
                $"No generated proxy for grain interface {grainInterface.FullName}. Its project must import " +
                "Runtime/build/VibeCoder.Runtime.props so the grain code generator runs.");
    }

    private static void Load(Assembly assembly)
    {
        // Under a lock, so a second caller cannot see the assembly as loaded before its proxies are registered.
        lock (LoadLock)
        {
            if (!LoadedAssemblies.Add(assembly))
            {
                return;
            }

            var registry = new Registry();
            foreach (var attribute in assembly.GetCustomAttributes<GrainProxyProviderAttribute>())
            {
                ((IGrainProxyProvider)Activator.CreateInstance(attribute.ProviderType)!).Register(registry);
            }
        }
    }

    private sealed class Registry : IGrainProxyRegistry
    {
        public void Add(Type grainInterface, Func<GrainReferenceShared, GrainId, GrainReference> createProxy) =>
            Proxies[grainInterface] = createProxy;
    }
}
