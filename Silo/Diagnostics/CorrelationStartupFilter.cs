using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace VibeCoder.Silo.Diagnostics;

/// <summary>Puts <see cref="CorrelationMiddleware"/> first in the pipeline, whatever the host's Program adds after.</summary>
internal sealed class CorrelationStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<CorrelationMiddleware>();
        next(app);
    };
}
