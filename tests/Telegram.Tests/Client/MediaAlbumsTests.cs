using VibeCoder.Grains.Telegram.Limits;

namespace VibeCoder.Telegram.Bot.Tests.Client;

public sealed class MediaAlbumsTests
{
    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(1, new[] { 1 })]
    [InlineData(2, new[] { 2 })]
    [InlineData(7, new[] { 7 })]
    [InlineData(10, new[] { 10 })]
    [InlineData(11, new[] { 6, 5 })]
    [InlineData(12, new[] { 6, 6 })]
    [InlineData(19, new[] { 10, 9 })]
    [InlineData(20, new[] { 10, 10 })]
    [InlineData(21, new[] { 7, 7, 7 })]
    [InlineData(31, new[] { 8, 8, 8, 7 })]
    public void Split_PhotoCount_GivesEvenAlbumsOfAtMostTen(int photoCount, int[] expectedSizes)
    {
        var albums = MediaAlbums.Split(photoCount);

        Assert.Equal(expectedSizes, albums.Select(range => range.GetOffsetAndLength(photoCount).Length));
    }

    [Fact]
    public void Split_AnyCountUpTo200_CoversEveryPhotoOnceWithValidAlbums()
    {
        for (var count = 2; count <= 200; count++)
        {
            var albums = MediaAlbums.Split(count);

            var next = 0;
            foreach (var album in albums)
            {
                var (offset, length) = album.GetOffsetAndLength(count);
                Assert.Equal(next, offset);
                Assert.InRange(length, TelegramLimits.MinAlbumSize, TelegramLimits.MaxAlbumSize);
                next += length;
            }

            Assert.Equal(count, next);
        }
    }

    [Fact]
    public void Split_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MediaAlbums.Split(-1));
    }
}
