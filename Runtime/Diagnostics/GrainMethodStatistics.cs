namespace VibeCoder.Runtime.Diagnostics;

/// <summary>Call statistics of one grain interface method.</summary>
/// <param name="Interface">The grain interface's name.</param>
/// <param name="Method">The method's name.</param>
/// <param name="Calls">Its calls.</param>
public sealed record GrainMethodStatistics(string Interface, string Method, CallStatistics Calls);
