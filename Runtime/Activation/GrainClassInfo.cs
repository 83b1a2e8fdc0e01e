using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Runtime.Activation;

/// <summary>
/// What the runtime knows about a grain class: its type name, concurrency, interfaces and how to construct it
/// (services from DI, <see cref="PersistentStateAttribute"/> parameters bound to the new grain's identity).
/// Built once per class at silo start.
/// </summary>
internal sealed class GrainClassInfo
{
    private readonly ObjectFactory _factory;
    private readonly Func<GrainId, IServiceProvider, object>[] _stateFactories;

    private GrainClassInfo(Type grainClass, string typeName, ObjectFactory factory, Func<GrainId, IServiceProvider, object>[] stateFactories)
    {
        GrainClass = grainClass;
        TypeName = typeName;
        _factory = factory;
        _stateFactories = stateFactories;
        IsReentrant = grainClass.IsDefined(typeof(ReentrantAttribute), inherit: true);
        Interfaces = grainClass.GetInterfaces().Where(GrainInterfaces.IsGrainInterface).ToArray();
    }

    public Type GrainClass { get; }

    public string TypeName { get; }

    public bool IsReentrant { get; }

    public IReadOnlyList<Type> Interfaces { get; }

    public static GrainClassInfo Create(Type grainClass)
    {
        var typeName = grainClass.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultTypeName(grainClass);
        var constructors = grainClass.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        if (constructors.Length != 1)
        {
            throw new InvalidOperationException($"Grain class {grainClass.FullName} must have exactly one public constructor.");
        }

        var stateParameters = constructors[0].GetParameters()
            .Where(p => p.IsDefined(typeof(PersistentStateAttribute)))
            .ToArray();
        var stateFactories = stateParameters.Select(p => CreateStateFactory(grainClass, p)).ToArray();
        var factory = ActivatorUtilities.CreateFactory(grainClass, stateParameters.Select(p => p.ParameterType).ToArray());
        return new GrainClassInfo(grainClass, typeName, factory, stateFactories);
    }

    public (object Grain, IReadOnlyList<IGrainStateLoader> States) CreateInstance(ActivationData activation)
    {
        var services = activation.Runtime.Services;
        if (_stateFactories.Length == 0)
        {
            return (Grain.Construct(activation, _factory, services, []), []);
        }

        var states = new object[_stateFactories.Length];
        var loaders = new IGrainStateLoader[_stateFactories.Length];
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = _stateFactories[i](activation.GrainId, services);
            loaders[i] = (IGrainStateLoader)states[i];
        }

        return (Grain.Construct(activation, _factory, services, states), loaders);
    }

    private static string DefaultTypeName(Type grainClass)
    {
        var name = grainClass.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }

    private static Func<GrainId, IServiceProvider, object> CreateStateFactory(Type grainClass, ParameterInfo parameter)
    {
        var attribute = parameter.GetCustomAttribute<PersistentStateAttribute>()!;
        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException(
                $"Parameter '{parameter.Name}' of {grainClass.Name} has [PersistentState] but is not IPersistentState<T>.");
        }

        var stateType = type.GetGenericArguments()[0];
        if (stateType.GetConstructor(Type.EmptyTypes) is null && !stateType.IsValueType)
        {
            throw new InvalidOperationException(
                $"State type {stateType.FullName} of {grainClass.Name} needs a public parameterless constructor.");
        }

        var stateName = attribute.StateName;
        var storageName = attribute.StorageName;
        var stateClass = typeof(PersistentState<>).MakeGenericType(stateType);
        return (grainId, services) =>
        {
            var storage = services.GetKeyedService<IGrainStorage>(storageName)
                ?? throw new InvalidOperationException(
                    $"No grain storage named '{storageName}' is registered (needed by {grainClass.Name}); " +
                    "add one with AddMemoryGrainStorage, AddSqliteGrainStorage or AddPostgresGrainStorage.");
            return Activator.CreateInstance(stateClass, stateName, grainId, storage)!;
        };
    }
}
