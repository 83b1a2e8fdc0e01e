using Microsoft.Extensions.Options;

namespace VibeCoder.Persistence;

/// <summary>Checks at start that a PostgreSQL provider has a usable connection string.</summary>
internal sealed class PostgresStorageOptionsValidator : IValidateOptions<PostgresStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var subject = name == StorageRegistration.ReminderOptionsName ? "PostgreSQL reminder service" : $"PostgreSQL storage '{name}'";
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{subject}: PostgresStorageOptions.ConnectionString is empty (set POSTGRES_URL to a postgres:// URL or a connection string).");
        }

        try
        {
            PostgresConnectionString.FromUrlOrKeywords(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException exception)
        {
            return ValidateOptionsResult.Fail($"{subject}: PostgresStorageOptions.ConnectionString is invalid (POSTGRES_URL): {exception.Message}");
        }
    }
}
