using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Conformance;

public sealed class MemoryStreamTests : StreamConformanceTests
{
    protected override Task<StreamBackend> CreateBackendAsync() => Task.FromResult<StreamBackend>(new StreamBackend.Memory());
}
