namespace VibeCoder.Persistence.Schema;

/// <summary>One numbered schema script of a dialect (<c>NNN_name.sql</c>); applied once, in number order.</summary>
internal sealed record SchemaScript(int Number, string Name, string Text);
