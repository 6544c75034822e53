# SurrogateService container image: build with the .NET SDK, run on the chiseled ASP.NET runtime.
#   docker build -t surrogate-service .            (or: az acr build -r <registry> -t surrogate-service:1 .)
#   docker run -p 8080:8080 -e AzureAd__TenantId=<tenant> -e AzureAd__ClientId=<api app id> surrogate-service
#   (a local trial without Azure AD: -e ASPNETCORE_ENVIRONMENT=Development -e Authentication__Mode=None)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the project files alone, so the package layer is reused until a reference changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/SurrogateService.Numerics/SurrogateService.Numerics.csproj src/SurrogateService.Numerics/
COPY src/SurrogateService.Api/SurrogateService.Api.csproj src/SurrogateService.Api/
RUN dotnet restore src/SurrogateService.Api -r linux-x64 -p:PublishReadyToRun=true

COPY src/ src/
# ReadyToRun shortens the cold start after a scale from zero; the chiseled runtime has no ICU,
# hence invariant globalization.
RUN dotnet publish src/SurrogateService.Api -c Release -r linux-x64 --self-contained false --no-restore \
    -p:PublishReadyToRun=true -p:InvariantGlobalization=true -p:UseAppHost=false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
COPY --from=build /app .
USER $APP_UID
ENTRYPOINT ["dotnet", "SurrogateService.Api.dll"]
