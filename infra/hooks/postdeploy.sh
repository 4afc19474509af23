#!/bin/sh
# azd postdeploy hook: subscribes the InputUploaded function to the uploads of datasets.
#
# Event Grid delivers the feed account's Microsoft.Storage.BlobCreated events to the Functions host's blob-extension
# webhook, which runs the blob trigger. The webhook wants the host's blobs_extension system key, which exists only once
# the deployed code has started: that is why Bicep cannot make this subscription. Only creations under the input
# container are delivered, so the feed the app writes to its output container never calls it back.
#
# Idempotent: the subscription has a fixed name and `create` is a create-or-replace, so running this again (azd runs it
# after every deploy) leaves one subscription, carrying the current key. The key is never printed or written to a file.
set -eu

: "${AZURE_RESOURCE_GROUP:?is not set: run this through azd (azd up or azd deploy), which sets the deployment outputs}"
: "${AZURE_FUNCTION_APP_NAME:?is not set: run this through azd}"
: "${AZURE_FUNCTION_APP_HOST:?is not set: run this through azd}"
: "${FEED_SYSTEM_TOPIC_NAME:?is not set: run this through azd}"
: "${FEED_INPUT_CONTAINER:?is not set: run this through azd}"

subscription_name="wrapped-input-uploads"
function_name="InputUploaded"
attempts=30
wait_seconds=10

# The host creates the key when it first starts with the blob extension loaded, which can take a minute after a deploy.
attempt=1
blobs_key=""
while [ -z "$blobs_key" ]; do
    blobs_key=$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
        --query systemKeys.blobs_extension --output tsv || true)
    if [ -n "$blobs_key" ]; then
        break
    fi
    if [ "$attempt" -ge "$attempts" ]; then
        echo "postdeploy: $AZURE_FUNCTION_APP_NAME has no blobs_extension key after $((attempts * wait_seconds)) s; is the app running?" >&2
        exit 1
    fi
    echo "postdeploy: waiting for $AZURE_FUNCTION_APP_NAME to create its blobs_extension key ($attempt/$attempts)"
    attempt=$((attempt + 1))
    sleep "$wait_seconds"
done

echo "postdeploy: subscribing $function_name to BlobCreated under $FEED_INPUT_CONTAINER/ (topic $FEED_SYSTEM_TOPIC_NAME)"
az eventgrid system-topic event-subscription create \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --system-topic-name "$FEED_SYSTEM_TOPIC_NAME" \
    --name "$subscription_name" \
    --endpoint-type webhook \
    --endpoint "https://$AZURE_FUNCTION_APP_HOST/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=$blobs_key" \
    --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "/blobServices/default/containers/$FEED_INPUT_CONTAINER/" \
    --output none
echo "postdeploy: done"
