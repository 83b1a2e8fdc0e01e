namespace VibeCoder.Grains;

/// <summary>Names this assembly for <c>AddGrains</c>.</summary>
public static class GrainsAssembly
{
    /// <summary>The assembly holding the product's grain classes.</summary>
    public static System.Reflection.Assembly Assembly => typeof(GrainsAssembly).Assembly;
}
