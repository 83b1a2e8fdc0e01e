using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using VibeCoder.Runtime.Activation;

namespace VibeCoder.Runtime.Serialization;

/// <summary>
/// Checks at silo start that every parameter and result of every grain interface can round-trip through the
/// wire format, so a contract that could not cross a process boundary fails at once, naming the type, instead
/// of at the first remote call.
/// </summary>
internal static class ContractValidator
{
    public static void Validate(IEnumerable<Type> grainInterfaces, JsonSerializerOptions options)
    {
        var checkedTypes = new HashSet<Type>();
        foreach (var grainInterface in grainInterfaces)
        {
            foreach (var method in AllMethods(grainInterface))
            {
                var where = $"{grainInterface.Name}.{method.Name}";
                if (ResultType(method) is not { } resultType)
                {
                    throw new InvalidOperationException(
                        $"{where} must return Task, Task<T>, ValueTask or ValueTask<T> (grain calls are asynchronous).");
                }

                if (resultType != typeof(void))
                {
                    CheckType(resultType, where, options, checkedTypes);
                }

                foreach (var parameter in method.GetParameters())
                {
                    if (parameter.ParameterType.IsByRef)
                    {
                        throw new InvalidOperationException($"{where}: parameter '{parameter.Name}' is by reference; grain calls copy their arguments.");
                    }

                    CheckType(parameter.ParameterType, $"{where}({parameter.Name})", options, checkedTypes);
                }
            }
        }
    }

    internal static IEnumerable<MethodInfo> AllMethods(Type grainInterface) =>
        new[] { grainInterface }.Concat(grainInterface.GetInterfaces().Where(GrainInterfaces.IsGrainInterface))
            .SelectMany(i => i.GetMethods());

    private static Type? ResultType(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type == typeof(Task) || type == typeof(ValueTask))
        {
            return typeof(void);
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return type.GetGenericArguments()[0];
        }

        return null;
    }

    private static void CheckType(Type type, string where, JsonSerializerOptions options, HashSet<Type> checkedTypes)
    {
        if (!checkedTypes.Add(type) || GrainInterfaces.IsGrainInterface(type))
        {
            return;
        }

        if (typeof(Delegate).IsAssignableFrom(type) || typeof(Task).IsAssignableFrom(type) || type == typeof(CancellationToken)
            || typeof(Stream).IsAssignableFrom(type) || type == typeof(object) || type.IsPointer || type == typeof(Type)
            || typeof(Grain).IsAssignableFrom(type))
        {
            throw NotSerializable(type, where, "this kind of value cannot be sent between processes");
        }

        if (type.IsGenericType && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
        {
            throw NotSerializable(type, where, "tuple items are fields, which JSON drops; use a record");
        }

        JsonTypeInfo info;
        try
        {
            info = options.GetTypeInfo(type);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw NotSerializable(type, where, exception.Message);
        }

        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                CheckType(info.ElementType!, where, options, checkedTypes);
                break;
            case JsonTypeInfoKind.Dictionary:
                CheckType(info.KeyType!, where, options, checkedTypes);
                CheckType(info.ElementType!, where, options, checkedTypes);
                break;
            case JsonTypeInfoKind.Object:
                if ((type.IsAbstract || type.IsInterface) && info.PolymorphismOptions is null)
                {
                    throw NotSerializable(type, where, "it is abstract and declares no [JsonDerivedType] subtypes");
                }

                if (!type.IsAbstract && !type.IsInterface && !type.IsValueType && info.CreateObject is null
                    && info.ConstructorAttributeProvider is null)
                {
                    throw NotSerializable(type, where, "it has no public constructor System.Text.Json can use");
                }

                foreach (var property in info.Properties)
                {
                    CheckType(property.PropertyType, $"{where} → {type.Name}.{property.Name}", options, checkedTypes);
                }

                break;
        }
    }

    private static InvalidOperationException NotSerializable(Type type, string where, string reason) =>
        new($"Grain contract type {type.FullName} (used by {where}) cannot round-trip through JSON: {reason}.");
}
