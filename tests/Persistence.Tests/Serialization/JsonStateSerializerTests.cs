using System.Text;
using VibeCoder.Persistence.Serialization;

namespace VibeCoder.Persistence.Tests.Serialization;

public sealed class JsonStateSerializerTests
{
    public enum Stage
    {
        Draft,
        Published,
    }

    public sealed record Positional(string Title, Stage Stage, IReadOnlyList<int> Pages);

    public sealed record InitOnly
    {
        public string Title { get; init; } = "";
        public int Count { get; init; }
        public string Added { get; init; } = "default";
    }

    public sealed record WithDefault(string Title, int Version = 2);

    private readonly JsonStateSerializer _serializer = new();

    [Fact]
    public void Serialize_PositionalRecord_RoundTripsThroughConstructor()
    {
        var value = new Positional("Привет 👋", Stage.Published, [1, 2, 3]);

        var read = _serializer.Deserialize<Positional>(_serializer.Serialize(value));

        Assert.Equal(value.Title, read.Title);
        Assert.Equal(value.Stage, read.Stage);
        Assert.Equal(value.Pages, read.Pages);
    }

    [Fact]
    public void Serialize_Record_WritesReadableJsonWithoutTypeNames()
    {
        var json = Encoding.UTF8.GetString(_serializer.Serialize(new Positional("Привет", Stage.Published, [7])).ToArray());

        Assert.Equal("""{"title":"Привет","stage":"Published","pages":[7]}""", json);
    }

    [Fact]
    public void Deserialize_UnknownAndMissingProperties_AreIgnoredAndDefaulted()
    {
        var stored = BinaryData.FromString("""{"title":"old","count":4,"removedLongAgo":{"x":1}}""");

        var read = _serializer.Deserialize<InitOnly>(stored);

        Assert.Equal(new InitOnly { Title = "old", Count = 4, Added = "default" }, read);
    }

    [Fact]
    public void Deserialize_MissingConstructorParameter_TakesItsDefault()
    {
        var read = _serializer.Deserialize<WithDefault>(BinaryData.FromString("""{"title":"t"}"""));

        Assert.Equal(new WithDefault("t", 2), read);
    }

    [Fact]
    public void Deserialize_EnumStoredAsNumber_IsStillRead()
    {
        var read = _serializer.Deserialize<Positional>(BinaryData.FromString("""{"title":"t","stage":1,"pages":[]}"""));

        Assert.Equal(Stage.Published, read.Stage);
    }
}
