using System.Text;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Sessions;
using VibeCoder.Persistence.Serialization;

namespace VibeCoder.Gateway.Tests;

/// <summary>The background photo as grain state stores it (JSON): a job's design and a session's pending photo.</summary>
public sealed class BackgroundStateJsonTests
{
    private readonly JsonStateSerializer _serializer = new();

    [Fact]
    public void RenderOptions_WithBackground_RoundTripsThroughStateJson()
    {
        var design = new RenderOptions("paper", SlideSize.Square, "@me", null, new BrandKit(Handle: "@me"), new SlideBackground(new string('c', 64), 0.1, 0.9, AllSlides: true));

        var read = _serializer.Deserialize<RenderOptions>(_serializer.Serialize(design));

        Assert.Equal(design, read);
        Assert.DoesNotContain("\"cell\"", Encoding.UTF8.GetString(_serializer.Serialize(design).ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderOptions_StoredBeforeBackgrounds_ReadsWithoutOne()
    {
        var stored = BinaryData.FromString("""{"theme":"midnight","size":"Portrait","footerHandle":null,"brand":null,"kit":null}""");

        var read = _serializer.Deserialize<RenderOptions>(stored);

        Assert.Null(read.Background);
        Assert.Equal("midnight", read.Theme);
    }

    [Fact]
    public void SessionState_PendingBackground_RoundTrips()
    {
        var session = new SessionState { UserId = "7", PendingBackground = new SlideBackground(new string('d', 64)).WithCell(2, 0) };

        var read = _serializer.Deserialize<SessionState>(_serializer.Serialize(session));

        Assert.Equal(session.PendingBackground, read.PendingBackground);
        Assert.Equal((2, 0), read.PendingBackground!.GetCell());
    }
}
