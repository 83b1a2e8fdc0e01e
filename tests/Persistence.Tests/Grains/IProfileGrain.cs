namespace VibeCoder.Persistence.Tests.Grains;

[Alias("test.profile")]
public interface IProfileGrain : IGrainWithStringKey
{
    [Alias("set")] Task Set(ProfileState state);
    [Alias("get")] Task<ProfileState> Get();
    [Alias("exists")] Task<bool> RecordExists();
    [Alias("clear")] Task Clear();
    [Alias("deactivate")] Task Deactivate();
}
