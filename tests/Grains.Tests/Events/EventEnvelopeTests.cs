using System.Reflection;
using System.Text.Json;
using VibeCoder.Grains.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Serialization;

namespace VibeCoder.Grains.Tests.Events;

public sealed class EventEnvelopeTests
{
    [Fact]
    public void Create_InsideAFlow_TakesCorrelationCausationAndUserFromTheRequestContext()
    {
        RequestContext.Set(CorrelationKeys.CorrelationId, "corr-1");
        RequestContext.Set(CorrelationKeys.CausationId, "event-0");
        RequestContext.Set(CorrelationKeys.UserId, "42");
        try
        {
            var envelope = EventEnvelope.Create("carousel-job", new CarouselCompleted("job-1", "42", 7, TimeSpan.FromSeconds(3)));

            Assert.Equal(EventTypes.CarouselCompleted, envelope.Type);
            Assert.Equal("carousel-job", envelope.Source);
            Assert.Equal(new EventMetadata("corr-1", "event-0", "42"), envelope.Metadata);
        }
        finally
        {
            RequestContext.Clear();
        }
    }

    [Fact]
    public void Create_OutsideAnyFlow_StartsANewCorrelation()
    {
        RequestContext.Clear();

        var first = EventEnvelope.Create("gateway", new UserMessageReceived("42", 100, 1, "hi"));
        var second = EventEnvelope.Create("gateway", new UserMessageReceived("42", 100, 2, "hi again"));

        Assert.False(string.IsNullOrEmpty(first.Metadata.CorrelationId));
        Assert.NotEqual(first.Metadata.CorrelationId, second.Metadata.CorrelationId);
        Assert.Null(first.Metadata.CausationId);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void Create_CausedByAnEvent_JoinsItsFlowAndRecordsItAsTheCause()
    {
        RequestContext.Clear();
        var cause = EventEnvelope.Create("gateway", new UserMessageReceived("42", 100, 1, "/start"));

        var effect = EventEnvelope.Create("gateway", new CommandExecuted("42", 100, "/start", null, true), causedBy: cause);

        Assert.Equal(cause.Metadata.CorrelationId, effect.Metadata.CorrelationId);
        Assert.Equal(cause.Id, effect.Metadata.CausationId);
    }

    [Fact]
    public void Envelope_ThroughOrleansSerializer_RoundTripsWithItsJsonData()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var payload = new CarouselGenerateRequested("job-9", "42", "Стоицизм 🏛️", 7, "dark", "ru");
        var envelope = EventEnvelope.Create("api", payload);

        var read = serializer.Deserialize<EventEnvelope>(serializer.SerializeToArray(envelope))!;

        Assert.Equal(envelope.Id, read.Id);
        Assert.Equal(envelope.Metadata, read.Metadata);
        Assert.Equal(payload, read.ReadData<CarouselGenerateRequested>());
    }

    [Fact]
    public void Envelope_ThroughJson_RoundTripsAndReadsItsPayloadBack()
    {
        var payload = new CarouselGenerateRequested("job-9", "42", "Стоицизм 🏛️", 7, "dark", "ru");
        var envelope = EventEnvelope.Create("api", payload);

        var json = JsonSerializer.Serialize(envelope, EventEnvelope.JsonOptions);
        var read = JsonSerializer.Deserialize<EventEnvelope>(json, EventEnvelope.JsonOptions)!;

        Assert.Contains("\"type\":\"carousel.generate.requested\"", json, StringComparison.Ordinal);
        Assert.Contains("\"correlationId\":", json, StringComparison.Ordinal);
        Assert.Equal(envelope.Id, read.Id);
        Assert.Equal(envelope.Metadata, read.Metadata);
        Assert.Equal(payload, read.ReadData<CarouselGenerateRequested>());
        Assert.True(read.TryReadData<CarouselGenerateRequested>(out var again));
        Assert.Equal(payload, again);
    }

    [Fact]
    public void ReadData_OfAnotherEventType_Throws()
    {
        var envelope = EventEnvelope.Create("api", new CarouselCompleted("job-1", null, 5, TimeSpan.Zero));

        Assert.False(envelope.TryReadData<CarouselFailed>(out _));
        Assert.Throws<InvalidOperationException>(() => envelope.ReadData<CarouselFailed>());
    }

    [Fact]
    public void Catalog_EveryEventType_HasOnePayloadRecordAndANamespace()
    {
        var payloadTypes = typeof(IEventPayload).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEventPayload).IsAssignableFrom(t))
            .ToArray();
        var declared = payloadTypes
            .Select(t => (string)t.GetInterfaceMap(typeof(IEventPayload)).TargetMethods.Single().Invoke(null, null)!)
            .ToArray();
        var constants = typeof(EventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetValue(null)!)
            .ToArray();

        Assert.Equal(26, constants.Length); // the seeds' 23, carousel.failed, brand.updated and carousel.slide.edited
        Assert.Equal(constants.Order(), EventTypes.All.Order());
        Assert.Equal(constants.Order(), declared.Order());
        Assert.All(constants, type => Assert.Contains(EventTypes.NamespaceOf(type), EventNamespaces.All));
        Assert.Contains("user.message.received", constants);
        Assert.Contains("system.error.occurred", constants);
    }
}
