namespace VibeCoder.Telegram.Bot.Tests.Infrastructure;

/// <summary>Removes a test's temp folder; SQLite may hold a file a moment longer, which the OS then cleans.</summary>
internal static class TempFolder
{
    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Still open somewhere: left for the OS temp cleaner.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
