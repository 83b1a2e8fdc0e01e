using Microsoft.Extensions.Options;

namespace VibeCoder.Persistence;

/// <summary>Checks at start that a SQLite provider has a usable file path.</summary>
internal sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var subject = name == StorageRegistration.ReminderOptionsName ? "SQLite reminder service" : $"SQLite storage '{name}'";
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail($"{subject}: SqliteStorageOptions.Path is empty (set SQLITE_PATH to a database file path).");
        }

        if (options.Path.AsSpan().IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0 || Directory.Exists(options.Path))
        {
            return ValidateOptionsResult.Fail($"{subject}: SqliteStorageOptions.Path '{options.Path}' (SQLITE_PATH) is not a usable file path.");
        }

        return ValidateOptionsResult.Success;
    }
}
