using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Client;

/// <summary>
/// The stand-in itself, driven by a plain HttpClient: it must refuse what Telegram refuses, or the client's own
/// checks (and other services' tests) would be trusted for nothing.
/// </summary>
public sealed class BotApiStandInTests : IClassFixture<StandInFixture>, IDisposable
{
    private readonly BotApiStandInServer _server;
    private readonly HttpClient _http = new();

    public BotApiStandInTests(StandInFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Call_WrongButWellFormedToken_Is401()
    {
        var (status, body) = await PostJsonAsync("getMe", new JsonObject(), token: "999:WrongToken");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Unauthorized", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Call_MalformedToken_Is404()
    {
        var (status, _) = await PostJsonAsync("getMe", new JsonObject(), token: "not-a-token");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Call_UnknownMethod_Is404()
    {
        var (status, _) = await PostJsonAsync("sendCarrierPigeon", new JsonObject());

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task SendMessage_TextOver4096_IsMessageTooLong()
    {
        var (status, body) = await PostJsonAsync("sendMessage", new JsonObject { ["chat_id"] = 1, ["text"] = new string('a', 4097) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Bad Request: message is too long", body["description"]!.GetValue<string>());
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal(400, body["error_code"]!.GetValue<int>());
    }

    [Fact]
    public async Task SendMessage_CallbackDataOver64Bytes_IsButtonDataInvalid()
    {
        var markup = new JsonObject
        {
            ["inline_keyboard"] = new JsonArray(new JsonArray(new JsonObject { ["text"] = "x", ["callback_data"] = new string('д', 33) })),
        };

        var (status, body) = await PostJsonAsync("sendMessage", new JsonObject { ["chat_id"] = 1, ["text"] = "hi", ["reply_markup"] = markup });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendPhoto_CaptionOver1024_IsCaptionTooLong()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("1"), "chat_id" },
            { new StringContent(new string('c', 1025)), "caption" },
            { File(100), "photo", "p.png" },
        };

        var (status, body) = await PostAsync("sendPhoto", form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Bad Request: message caption is too long", body["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public async Task SendMediaGroup_SizeOutside2To10_IsRefused(int count)
    {
        using var form = MediaGroupForm(count, attachAll: true);

        var (status, _) = await PostAsync("sendMediaGroup", form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain(_server.Calls, call => call.StatusCode == 200);
    }

    [Fact]
    public async Task SendMediaGroup_AttachReferenceWithoutFilePart_IsRefused()
    {
        using var form = MediaGroupForm(3, attachAll: false);

        var (status, body) = await PostAsync("sendMediaGroup", form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("attach://photo2", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendMediaGroup_EveryReferenceAttached_SendsTheAlbum()
    {
        using var form = MediaGroupForm(4, attachAll: true);

        var (status, body) = await PostAsync("sendMediaGroup", form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, body["result"]!.AsArray().Count);
        Assert.Equal(4, _server.CallsTo("sendMediaGroup").Single().PhotoCount);
    }

    [Fact]
    public async Task EditMessageMedia_PhotoOfAnAlbum_ReplacesThePhotoAndTheCaption()
    {
        using var album = MediaGroupForm(2, attachAll: true);
        var (_, sent) = await PostAsync("sendMediaGroup", album);
        var messageId = sent["result"]![1]!["message_id"]!.GetValue<long>();

        using var form = EditMediaForm(messageId, new JsonObject { ["type"] = "photo", ["media"] = "attach://new", ["caption"] = "<b>New</b>", ["parse_mode"] = "HTML" });
        var (status, body) = await PostAsync("editMessageMedia", form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(messageId, body["result"]!["message_id"]!.GetValue<long>());
        var call = Assert.Single(_server.CallsTo("editMessageMedia"));
        Assert.Equal((messageId, "multipart", "New"), (call.MessageId, call.BodyKind, call.Caption));
        Assert.Equal(new byte[300], _server.MessagePhoto(1, messageId));
        Assert.Equal("New", _server.MessageCaption(1, messageId));
    }

    [Fact]
    public async Task EditMessageMedia_MissingOrTextMessage_IsRefused()
    {
        var (_, text) = await PostJsonAsync("sendMessage", new JsonObject { ["chat_id"] = 1, ["text"] = "words" });
        var textId = text["result"]!["message_id"]!.GetValue<long>();
        var photo = new JsonObject { ["type"] = "photo", ["media"] = "attach://new" };

        using var missing = EditMediaForm(9_999, photo);
        var (missingStatus, missingBody) = await PostAsync("editMessageMedia", missing);
        using var ofText = EditMediaForm(textId, photo);
        var (textStatus, textBody) = await PostAsync("editMessageMedia", ofText);

        Assert.Equal((HttpStatusCode.BadRequest, "Bad Request: message to edit not found"), (missingStatus, missingBody["description"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.BadRequest, "Bad Request: there is no media in the message to edit"), (textStatus, textBody["description"]!.GetValue<string>()));
    }

    [Fact]
    public async Task DeleteMessage_PhotoOfAnAlbum_IsGoneAfterwards()
    {
        using var album = MediaGroupForm(2, attachAll: true);
        var (_, sent) = await PostAsync("sendMediaGroup", album);
        var messageId = sent["result"]![0]!["message_id"]!.GetValue<long>();

        var (status, _) = await PostJsonAsync("deleteMessage", new JsonObject { ["chat_id"] = 1, ["message_id"] = messageId });
        var (again, body) = await PostJsonAsync("deleteMessage", new JsonObject { ["chat_id"] = 1, ["message_id"] = messageId });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(_server.HasMessage(1, messageId));
        Assert.Equal((HttpStatusCode.BadRequest, "Bad Request: message to delete not found"), (again, body["description"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SendMessage_FormUrlEncoded_IsRead()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["chat_id"] = "5", ["text"] = "form body" });

        var (status, _) = await PostAsync("sendMessage", form);

        Assert.Equal(HttpStatusCode.OK, status);
        var call = _server.CallsTo("sendMessage").Single();
        Assert.Equal(("form body", "form", 5L), (call.Text, call.BodyKind, call.ChatId));
    }

    [Fact]
    public async Task EditMessageText_SameTextAgain_IsNotModified()
    {
        var (_, sent) = await PostJsonAsync("sendMessage", new JsonObject { ["chat_id"] = 5, ["text"] = "same" });
        var messageId = sent["result"]!["message_id"]!.GetValue<long>();

        var (status, body) = await PostJsonAsync("editMessageText", new JsonObject { ["chat_id"] = 5, ["message_id"] = messageId, ["text"] = "same" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Bad Request: message is not modified", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task WaitForCallsAsync_CallNeverComes_ThrowsTimeoutListingCallsSeen()
    {
        await PostJsonAsync("getMe", new JsonObject());

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => _server.WaitForCallsAsync(calls => calls.Any(call => call.Method == "sendPhoto"), TimeSpan.FromMilliseconds(200)));

        Assert.Contains("getMe→200", error.Message);
    }

    [Fact]
    public async Task GetUpdates_NegativeOffset_KeepsOnlyTheLastUpdates()
    {
        for (var i = 0; i < 5; i++)
        {
            _server.EnqueueUpdate(BotApiUpdates.TextMessage(5, 5, $"m{i}"));
        }

        var (_, body) = await PostJsonAsync("getUpdates", new JsonObject { ["offset"] = -2 });

        Assert.Equal(["m3", "m4"], body["result"]!.AsArray().Select(update => update!["message"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SendMessage_ChunkedJsonBody_IsReadAndRecordedAsChunked()
    {
        var json = new JsonObject { ["chat_id"] = 1, ["text"] = "chunked" }.ToJsonString();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.MethodUri("sendMessage")) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _http.SendAsync(request).WaitAsync(TestFiles.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_server.CallsTo("sendMessage"));
        Assert.True(call.Chunked);
        Assert.Equal("chunked", call.Text);
    }

    [Theory]
    [InlineData("HTML")]
    [InlineData("Html")]
    [InlineData("html")]
    [InlineData("MarkdownV2")]
    public async Task SendMessage_ParseModeInAnyCase_IsAccepted(string parseMode)
    {
        var (status, _) = await PostJsonAsync("sendMessage", new JsonObject { ["chat_id"] = 1, ["text"] = "fine", ["parse_mode"] = parseMode });

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task SendMessage_UnknownParseMode_IsRefused()
    {
        var (status, body) = await PostJsonAsync("sendMessage", new JsonObject { ["chat_id"] = 1, ["text"] = "x", ["parse_mode"] = "HTML5" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Bad Request: unsupported parse_mode \"HTML5\"", body["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("a < b")]
    [InlineData("<script>x</script>")]
    [InlineData("<b>open")]
    [InlineData("<b>x</i>")]
    [InlineData("&nbsp;")]
    public async Task SendMessage_HtmlTelegramCannotParse_IsRefused(string text)
    {
        var (status, body) = await PostJsonAsync("sendMessage", new JsonObject { ["chat_id"] = 1, ["text"] = text, ["parse_mode"] = "HTML" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Bad Request: can't parse entities", body["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendPhoto_HtmlCaption_LimitCountsVisibleText()
    {
        // 1,000 visible characters, 4,000 on the wire: within the limit, as Telegram counts after parsing.
        var escaped = string.Concat(Enumerable.Repeat("&lt;", 1000));
        using var fits = new MultipartFormDataContent
        {
            { new StringContent("1"), "chat_id" },
            { new StringContent(escaped), "caption" },
            { new StringContent("HTML"), "parse_mode" },
            { File(100), "photo", "p.png" },
        };
        using var tooLong = new MultipartFormDataContent
        {
            { new StringContent("1"), "chat_id" },
            { new StringContent("<b>" + new string('c', 1025) + "</b>"), "caption" },
            { new StringContent("HTML"), "parse_mode" },
            { File(100), "photo", "p.png" },
        };

        var (fitsStatus, _) = await PostAsync("sendPhoto", fits);
        var (tooLongStatus, body) = await PostAsync("sendPhoto", tooLong);

        Assert.Equal(HttpStatusCode.OK, fitsStatus);
        Assert.Equal(new string('<', 1000), _server.CallsTo("sendPhoto")[0].Caption);
        Assert.Equal(HttpStatusCode.BadRequest, tooLongStatus);
        Assert.Equal("Bad Request: message caption is too long", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendMediaGroup_FilePartNameTwice_IsRefused()
    {
        using var form = MediaGroupForm(2, attachAll: true);
        form.Add(File(50), "photo1", "again.png");

        var (status, body) = await PostAsync("sendMediaGroup", form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("duplicate file part", body["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMediaGroup_SameAttachmentTwice_IsRefused()
    {
        var media = new JsonArray(
            new JsonObject { ["type"] = "photo", ["media"] = "attach://photo0" },
            new JsonObject { ["type"] = "photo", ["media"] = "attach://photo0" });
        using var form = new MultipartFormDataContent
        {
            { new StringContent("1"), "chat_id" },
            { File(100), "photo0", "p0.png" },
            { new StringContent(media.ToJsonString()), "media" },
        };

        var (status, body) = await PostAsync("sendMediaGroup", form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("used twice", body["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptedBadGatewayPage_IsHtmlNotJson()
    {
        _server.InjectFailures("getMe", 1, BotApiFailure.BadGatewayPage());

        using var response = await _http.PostAsync(_server.MethodUri("getMe"), null).WaitAsync(TestFiles.Timeout);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>502 Bad Gateway</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private MultipartFormDataContent MediaGroupForm(int count, bool attachAll)
    {
        var media = new JsonArray();
        var form = new MultipartFormDataContent { { new StringContent("1"), "chat_id" } };
        for (var i = 0; i < count; i++)
        {
            media.Add(new JsonObject { ["type"] = "photo", ["media"] = $"attach://photo{i}" });
            if (attachAll || i != 2)
            {
                form.Add(File(100 + i), $"photo{i}", $"p{i}.png");
            }
        }

        form.Add(new StringContent(media.ToJsonString()), "media");
        return form;
    }

    private static MultipartFormDataContent EditMediaForm(long messageId, JsonObject media) => new()
    {
        { new StringContent("1"), "chat_id" },
        { new StringContent(messageId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "message_id" },
        { new StringContent(media.ToJsonString()), "media" },
        { File(300), "new", "new.png" },
    };

    private static ByteArrayContent File(int size)
    {
        var content = new ByteArrayContent(new byte[size]);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    private Task<(HttpStatusCode Status, JsonNode Body)> PostJsonAsync(string method, JsonObject body, string? token = null) =>
        PostAsync(method, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), token);

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string method, HttpContent content, string? token = null)
    {
        using var response = await _http.PostAsync(_server.MethodUri(method, token), content)
            .WaitAsync(TestFiles.Timeout);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
