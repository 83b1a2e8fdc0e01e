using Npgsql;

namespace VibeCoder.Persistence.Tests;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void FromUrlOrKeywords_FullUrl_MapsEveryPart()
    {
        var builder = Parse("postgres://carousel:s3cret@db.internal:6543/vibecoder");

        Assert.Equal("db.internal", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("carousel", builder.Username);
        Assert.Equal("s3cret", builder.Password);
        Assert.Equal("vibecoder", builder.Database);
    }

    [Fact]
    public void FromUrlOrKeywords_PercentEncodedCredentials_AreDecoded()
    {
        var builder = Parse("postgresql://us%40er:p%40ss%3Aw%2Frd%3B@localhost/my%20db");

        Assert.Equal("us@er", builder.Username);
        Assert.Equal("p@ss:w/rd;", builder.Password);
        Assert.Equal("my db", builder.Database);
    }

    [Fact]
    public void FromUrlOrKeywords_UrlWithoutPort_UsesTheDefaultPort()
    {
        Assert.Equal(5432, Parse("postgres://u:p@localhost/db").Port);
    }

    [Fact]
    public void FromUrlOrKeywords_UrlQueryParameters_MapToNpgsqlSettings()
    {
        var builder = Parse("postgres://u:p@localhost/db?sslmode=verify-full&application_name=bot&connect_timeout=7");

        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal("bot", builder.ApplicationName);
        Assert.Equal(7, builder.Timeout);
    }

    [Fact]
    public void FromUrlOrKeywords_KeywordString_IsKept()
    {
        var builder = Parse("Host=pg;Port=5433;Username=app;Password=pw;Database=main");

        Assert.Equal(("pg", 5433, "app", "pw", "main"), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
    }

    [Theory]
    [InlineData("postgres://user:topsecret@/db")]
    [InlineData("Host=pg;Password=topsecret;Nonsense=1")]
    [InlineData("postgres://user:topsecret@host/db?frobnicate=yes")]
    [InlineData("   ")]
    public void FromUrlOrKeywords_Malformed_ThrowsFormatExceptionWithoutThePassword(string value)
    {
        var exception = Assert.Throws<FormatException>(() => PostgresConnectionString.FromUrlOrKeywords(value));

        Assert.DoesNotContain("topsecret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_Url_NamesHostPortDatabaseAndUserButNotThePassword()
    {
        var description = PostgresConnectionString.Describe("postgres://carousel:topsecret@db:5432/vibecoder");

        Assert.Equal("db:5432/vibecoder as carousel", description);
    }

    private static NpgsqlConnectionStringBuilder Parse(string value) => new(PostgresConnectionString.FromUrlOrKeywords(value));
}
