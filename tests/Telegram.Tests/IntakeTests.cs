using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VibeCoder.Grains.Sessions;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;

namespace VibeCoder.Telegram.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class IntakeTests(BotFixture bot)
{
    [Fact]
    public async Task Webhook_WrongOrMissingSecret_Is401AndNothingHappens()
    {
        var chat = BotFixture.NewChat();

        using var wrong = await bot.Host.PostUpdateAsync(chat.Text("/start"), secret: "not-the-secret");
        using var missing = await bot.Host.PostUpdateAsync(chat.Text("/start"), secret: null);
        await bot.SayAsync(chat, "/help");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        await bot.WaitForMessageAsync(chat, "How it works");
        Assert.DoesNotContain(bot.CallsTo(chat, "sendMessage"), call => call.Text!.Contains("Instagram carousel", StringComparison.Ordinal));
        Assert.Equal(1, (await Session(chat)).HandledUpdates);
    }

    [Fact]
    public async Task Webhook_RepeatedUpdateId_IsHandledOnce()
    {
        var chat = BotFixture.NewChat();
        var update = chat.Text("/start");

        await bot.Host.SendAsync(update);
        await bot.Host.SendAsync(update);
        await bot.SayAsync(chat, "/help");

        // Updates of a chat are handled in order: once /help is answered, both copies of /start were seen.
        await bot.WaitForMessageAsync(chat, "How it works");
        Assert.Single(bot.CallsTo(chat, "sendMessage"), call => call.Text!.Contains("Instagram carousel", StringComparison.Ordinal));
        Assert.Equal(2, (await Session(chat)).HandledUpdates);
    }

    [Fact]
    public async Task Webhook_ManyUpdatesOfOneChat_AreHandledInOrder()
    {
        var chat = BotFixture.NewChat();
        var commands = new[] { "/help", "/cancel", "/history", "/stats", "/nope" };

        foreach (var command in commands)
        {
            await bot.SayAsync(chat, command);
        }

        await bot.WaitForMessageAsync(chat, "/nope");
        var replies = bot.CallsTo(chat, "sendMessage").Select(call => call.Text!).ToArray();
        Assert.Equal(5, replies.Length);
        Assert.Contains("How it works", replies[0], StringComparison.Ordinal);
        Assert.Contains("Nothing to cancel", replies[1], StringComparison.Ordinal);
        Assert.Contains("No carousels yet", replies[2], StringComparison.Ordinal);
        Assert.Contains("administrators", replies[3], StringComparison.Ordinal);
        Assert.Contains("/nope", replies[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_BodyOverOneMegabyte_Is413WhetherDeclaredOrChunked()
    {
        var body = Encoding.UTF8.GetBytes("{\"update_id\":1,\"message\":{\"text\":\"" + new string('a', 1024 * 1024) + "\"}}");

        using var declared = await bot.Host.PostRawAsync(body);
        using var chunked = await bot.Host.PostRawAsync(body, chunked: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal("application/problem+json", declared.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"message\":{\"message_id\":1}}")]
    [InlineData("")]
    public async Task Webhook_NotAnUpdate_Is400Problem(string body)
    {
        using var response = await bot.Host.PostRawAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Webhook_UpdateOutsideAnyChat_IsAcknowledgedAndDropped()
    {
        using var response = await bot.Host.PostRawAsync(Encoding.UTF8.GetBytes("{\"update_id\":77,\"inline_query\":{\"id\":\"1\",\"query\":\"x\"}}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WebhookMode_AtStart_RegistersWebhookWithSecretAndCommands()
    {
        var setWebhook = await bot.StandIn.WaitForCallAsync(call => call.Method == "setWebhook" && call.StatusCode == 200, BotFixture.Timeout);
        await bot.StandIn.WaitForCallAsync(call => call.Method == "setMyCommands" && call.Parameters.GetValueOrDefault("language_code") == "ru", BotFixture.Timeout);

        Assert.Equal("https://bot.example.test/telegram/webhook", setWebhook.Parameters["url"]);
        Assert.Equal(GatewayHost.Secret, setWebhook.Parameters["secret_token"]);
        var allowed = setWebhook.JsonParameter("allowed_updates")!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        Assert.Equal(["message", "edited_message", "callback_query", "my_chat_member"], allowed);
        var commands = bot.StandIn.CallsTo("setMyCommands").First(call => !call.Parameters.ContainsKey("language_code")).JsonParameter("commands")!.AsArray();
        Assert.Contains(commands, c => c!["command"]!.GetValue<string>() == "carousel");
    }

    private Task<SessionSnapshot> Session(TestChat chat) =>
        bot.Host.Grains.GetGrain<ISessionGrain>(chat.UserIdText).GetSnapshot();
}
