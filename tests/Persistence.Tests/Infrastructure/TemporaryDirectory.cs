using Microsoft.Data.Sqlite;

namespace VibeCoder.Persistence.Tests;

/// <summary>A fresh folder under the temp directory, deleted (with SQLite's pooled handles closed) on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vibecoder-tests-" + Guid.NewGuid().ToString("N"));
    }

    public string Path { get; }

    public void Dispose()
    {
        // Pooled connections keep the file open; close them before deleting it.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
