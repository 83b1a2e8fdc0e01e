using Microsoft.Extensions.Options;
using VibeCoder.Persistence;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Streams;
using VibeCoder.Runtime.TestingHost;
using VibeCoder.Streams.Tests.Grains;
using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Durability;

/// <summary>Bad registrations and settings stop start-up with a message that names the problem.</summary>
public sealed class StreamRegistrationTests
{
    [Fact]
    public async Task Start_InvalidStreamOptions_FailsNamingTheProviderAndSetting()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            InProcessSilo.StartAsync(silo => silo.AddMemoryStreams("events", o => o.MaxDeliveryAttempts = 0)).WithTimeout());

        Assert.Contains("Stream provider 'events': Streams:events:MaxDeliveryAttempts must be at least 1 (was 0).", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgresStreamsWithoutConnectionString_FailsNamingTheSetting()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            InProcessSilo.StartAsync(silo => silo.AddPostgresStreams("events", _ => { })).WithTimeout());

        Assert.Contains("PostgresStorageOptions.ConnectionString is empty", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStreams_SameNameTwice_Throws()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            InProcessSilo.StartAsync(silo =>
            {
                silo.AddMemoryStreams("events");
                silo.AddSqliteStreams("events", o => o.Path = "unused.db");
            }).WithTimeout());

        Assert.Contains("'events' is already registered", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ImplicitSubscriberObservingTwoItemTypes_FailsNamingTheClass()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestSilo.StartAsync(new StreamBackend.Memory(), new DeliveryLog(), grains: [typeof(AmbiguousGrain)]).WithTimeout());

        Assert.Contains(typeof(AmbiguousGrain).FullName!, exception.Message, StringComparison.Ordinal);
        Assert.Contains("exactly one", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStreamProvider_UnknownName_ThrowsNamingIt()
    {
        await using var silo = await TestSilo.StartAsync(new StreamBackend.Memory(), new DeliveryLog()).WithTimeout();

        var exception = Assert.Throws<InvalidOperationException>(() => silo.Services.GetStreamProvider("nope"));

        Assert.Contains("'nope'", exception.Message, StringComparison.Ordinal);
        Assert.Equal([TestSilo.Provider], silo.Diagnostics().ProviderNames);
    }

    public interface IAmbiguousGrain : IGrainWithStringKey
    {
        Task<int> Ping();
    }

    [ImplicitStreamSubscription("ambiguous")]
    public sealed class AmbiguousGrain : Grain, IAmbiguousGrain, IAsyncObserver<TestEvent>, IAsyncObserver<string>
    {
        public Task<int> Ping() => Task.FromResult(1);

        public Task OnNextAsync(TestEvent item, StreamSequenceToken token) => Task.CompletedTask;

        public Task OnNextAsync(string item, StreamSequenceToken token) => Task.CompletedTask;
    }
}
