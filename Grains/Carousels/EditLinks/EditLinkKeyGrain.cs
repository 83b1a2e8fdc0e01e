using System.Security.Cryptography;
using VibeCoder.Grains.State;
using Orleans;
using Orleans.Runtime;

namespace VibeCoder.Grains.Carousels.EditLinks;

/// <summary>
/// Makes the cluster's edit-link key once and keeps it. Turns run one at a time, so two first callers cannot make two
/// keys; the key is answered only after it is stored, so no link is ever signed with a key a restart would forget.
/// </summary>
public sealed class EditLinkKeyGrain([PersistentState("editlinkkey")] IPersistentState<EditLinkKeyState> state) : Grain, IEditLinkKeyGrain
{
    /// <summary>The size of the key in bytes (the HMAC-SHA256 block size would allow more; 256 bits is plenty).</summary>
    public const int KeyBytes = 32;

    public async Task<byte[]> GetOrCreateKey()
    {
        if (state.State.Key is { Length: KeyBytes } key)
        {
            return key;
        }

        await state.WriteOrRestoreAsync(new EditLinkKeyState { Key = RandomNumberGenerator.GetBytes(KeyBytes) });
        return state.State.Key!;
    }
}
