using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SurveyService.Tests.Infrastructure;

/// <summary>The service on a real Kestrel port, for a real browser.</summary>
public sealed class PortalServer : SurveyApplication
{
    public PortalServer() => UseKestrel(0);

    /// <summary>http://localhost:port: a browser treats localhost as a secure context, as it would the service's https address.</summary>
    public string Address
    {
        get
        {
            StartServer();
            var bound = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return $"http://localhost:{new Uri(bound).Port}";
        }
    }
}
