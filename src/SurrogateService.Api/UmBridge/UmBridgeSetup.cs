namespace SurrogateService.Api.UmBridge;

/// <summary>Registers the UM-Bridge port; it opens only when <c>UmBridge:Port</c> is configured.</summary>
public static class UmBridgeSetup
{
    public static WebApplicationBuilder AddUmBridge(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<UmBridgeOptions>().Bind(builder.Configuration.GetSection(UmBridgeOptions.SectionName));
        builder.Services.AddSingleton<StoredModelReader>();
        builder.Services.AddSingleton<UmBridgeCatalog>();
        builder.Services.AddSingleton<UmBridgeServer>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<UmBridgeServer>());
        return builder;
    }
}
