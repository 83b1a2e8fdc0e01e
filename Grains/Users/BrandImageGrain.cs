using VibeCoder.Grains.State;
using VibeCoder.Rendering.Images;
using Orleans;
using Orleans.Runtime;

namespace VibeCoder.Grains.Users;

/// <summary>
/// A brand image in grain storage — the same database as every other grain's state, whatever the storage provider —
/// so any silo can draw it after a restart. Content-addressed: the key is the PNG's SHA-256, so the bytes never change
/// once stored and readers may cache them forever.
/// </summary>
public sealed class BrandImageGrain([PersistentState("image")] IPersistentState<BrandImageState> state) : Grain, IBrandImageGrain
{
    public async Task Store(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length > LogoImages.MaxBytes)
        {
            throw new ArgumentException($"A brand image may have at most {LogoImages.MaxBytes} bytes (got {png.Length}).", nameof(png));
        }

        if (LogoImages.HashOf(png) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("The image's SHA-256 does not match the key it is stored under.", nameof(png));
        }

        if (state.State.Png is null)
        {
            await state.WriteOrRestoreAsync(new BrandImageState { Png = png });
        }
    }

    public Task<byte[]?> Get() => Task.FromResult(state.State.Png);
}
