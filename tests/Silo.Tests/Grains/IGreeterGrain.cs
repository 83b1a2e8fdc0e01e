namespace VibeCoder.Silo.Tests.Grains;

public interface IGreeterGrain : IGrainWithStringKey
{
    Task<string> Greet(string name);
}
