using Microsoft.Extensions.Logging.Abstractions;
using VibeCoder.Persistence.Hosting;
using VibeCoder.Persistence.Tests.Infrastructure;

namespace VibeCoder.Persistence.Tests.Conformance;

public sealed class SqlitePragmaTests
{
    [Theory]
    [InlineData("journal_mode", "wal")]
    [InlineData("busy_timeout", "10000")]
    [InlineData("synchronous", "1")]
    public async Task DataSourceConnection_AfterInstall_RunsWithPragma(string pragma, string expected)
    {
        await using var database = new VibeCoderDatabase(await new SqliteDialect().NewDatabaseAsync());
        await database.CreateInstaller(NullLoggerFactory.Instance).InstallAsync(CancellationToken.None);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";

        Assert.Equal(expected, Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
