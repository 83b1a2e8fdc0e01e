namespace VibeCoder.Persistence.Tests.Infrastructure;

/// <summary>Every test class shares the assembly's PostgreSQL server and runs one after another (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "database";
}
