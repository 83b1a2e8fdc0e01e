using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence.Tests.Storage;

public sealed class MemoryGrainStorageTests : GrainStorageConformanceTests
{
    protected override Task<IGrainStorage> CreateStorageAsync() =>
        Task.FromResult<IGrainStorage>(new MemoryGrainStorage(TestSerializer.Instance));

    protected override Task InitializeSchemaAsync(IGrainStorage storage) => Task.CompletedTask;
}
