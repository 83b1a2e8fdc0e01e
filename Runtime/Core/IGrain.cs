namespace VibeCoder.Runtime;

/// <summary>Marker for grain interfaces. Orleans: <c>Orleans.IGrain</c>. Use one of the key-kind interfaces below.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain whose identity key is a string. Orleans: <c>IGrainWithStringKey</c>.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain whose identity key is a <see cref="Guid"/>. Orleans: <c>IGrainWithGuidKey</c>.</summary>
public interface IGrainWithGuidKey : IGrain;

/// <summary>A grain whose identity key is a 64-bit integer. Orleans: <c>IGrainWithIntegerKey</c>.</summary>
public interface IGrainWithIntegerKey : IGrain;

/// <summary>Anything that has a grain identity: grain references and grain classes.</summary>
public interface IAddressable;
