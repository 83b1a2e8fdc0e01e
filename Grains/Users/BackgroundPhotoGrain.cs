using VibeCoder.Grains.State;
using VibeCoder.Rendering.Images;
using Orleans;
using Orleans.Runtime;

namespace VibeCoder.Grains.Users;

/// <summary>
/// A background photo in grain storage — the same database as every other grain's state — so any silo can draw it
/// after a restart. Content-addressed: the key is the JPEG's SHA-256, so the bytes never change once stored and readers
/// may cache them forever.
/// </summary>
public sealed class BackgroundPhotoGrain([PersistentState("photo")] IPersistentState<BackgroundPhotoState> state) : Grain, IBackgroundPhotoGrain
{
    public async Task Store(byte[] jpeg)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        if (jpeg.Length > BackgroundPhotos.MaxBytes)
        {
            throw new ArgumentException($"A background photo may have at most {BackgroundPhotos.MaxBytes} bytes (got {jpeg.Length}).", nameof(jpeg));
        }

        if (BackgroundPhotos.HashOf(jpeg) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("The photo's SHA-256 does not match the key it is stored under.", nameof(jpeg));
        }

        if (state.State.Jpeg is null)
        {
            await state.WriteOrRestoreAsync(new BackgroundPhotoState { Jpeg = jpeg });
        }
    }

    public Task<byte[]?> Get() => Task.FromResult(state.State.Jpeg);
}
