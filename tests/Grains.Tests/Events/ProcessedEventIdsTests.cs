using System.Text.Json;
using VibeCoder.Grains.Events;

namespace VibeCoder.Grains.Tests.Events;

public sealed class ProcessedEventIdsTests
{
    [Fact]
    public void TryAdd_SameIdTwice_SecondTimeReportsSeen()
    {
        Assert.True(ProcessedEventIds.Empty.TryAdd("a", out var once));
        Assert.False(once.TryAdd("a", out var twice));

        Assert.Same(once, twice);
        Assert.True(twice.Contains("a"));
    }

    [Fact]
    public void Add_BeyondCapacity_ForgetsTheOldestIds()
    {
        var ids = new ProcessedEventIds([], Capacity: 3);

        ids = ids.Add("a").Add("b").Add("c").Add("d");

        Assert.Equal(["b", "c", "d"], ids.Ids);
        Assert.False(ids.Contains("a"));
    }

    [Fact]
    public void ProcessedEventIds_ThroughJson_RoundTrips()
    {
        var ids = ProcessedEventIds.Empty.Add("a").Add("b");

        var read = JsonSerializer.Deserialize<ProcessedEventIds>(JsonSerializer.Serialize(ids, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

        Assert.Equal(ids.Ids, read.Ids);
        Assert.Equal(ids.Capacity, read.Capacity);
        Assert.True(read.Contains("b"));
    }
}
