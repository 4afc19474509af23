using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Wrapped.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddWrappedFeed();
builder.Build().Run();
