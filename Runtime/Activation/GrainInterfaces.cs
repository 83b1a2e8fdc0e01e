namespace VibeCoder.Runtime.Activation;

/// <summary>Recognises grain interfaces and their key kind.</summary>
internal static class GrainInterfaces
{
    public static bool IsGrainInterface(Type type) =>
        type.IsInterface
        && typeof(IGrain).IsAssignableFrom(type)
        && type != typeof(IGrain)
        && type != typeof(IGrainWithStringKey)
        && type != typeof(IGrainWithGuidKey)
        && type != typeof(IGrainWithIntegerKey);
}
