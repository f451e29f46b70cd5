package dev.cfsim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The served OpenAPI document read as a contract: which operations it lists, and whether an
 * answer's body matches the schema it declares for that operation, status and media type.
 */
final class OpenApiContract {
  private static final String DOC_URI = "https://cfsim.invalid/openapi.json";
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private final JsonNode document;
  private final JsonSchemaFactory schemas;

  OpenApiContract(String documentText) {
    this.document = RunningApi.Answer.parse(documentText);
    this.schemas =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            b -> b.schemaLoaders(l -> l.schemas(Map.of(DOC_URI, documentText))));
  }

  JsonNode document() {
    return document;
  }

  /** Every operation as {@code METHOD /path}, with OpenAPI's {@code {param}} templates. */
  Set<String> operations() {
    Set<String> ops = new LinkedHashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = document.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue().fieldNames().forEachRemaining(method -> {
        if (METHODS.contains(method)) {
          ops.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      });
    }
    return ops;
  }

  /**
   * Why {@code answer} does not match what the document declares for the operation; empty when
   * it does. An undeclared status falls back to the operation's {@code default} response.
   */
  Set<String> violations(String method, String pathTemplate, RunningApi.Answer answer) {
    JsonNode operation = document.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) {
      return Set.of("no operation " + method + " " + pathTemplate + " in the document");
    }
    String status = String.valueOf(answer.status());
    String responseKey = operation.path("responses").has(status) ? status : "default";
    JsonNode response = operation.path("responses").path(responseKey);
    if (response.has("$ref")) {
      response = resolve(response.get("$ref").asText());
    }
    if (response.isMissingNode()) {
      return Set.of("status " + status + " is not declared for " + method + " " + pathTemplate);
    }
    String mediaType = answer.contentType().split(";", 2)[0].strip();
    if (!response.path("content").has(mediaType)) {
      return Set.of(method + " " + pathTemplate + " " + status + " declares no " + mediaType
          + " content (declared: " + response.path("content") + ")");
    }
    String pointer = pointerTo(operation, pathTemplate, method, responseKey, mediaType);
    // a page is checked as the string it is; everything else the API answers is JSON
    JsonNode body = mediaType.startsWith("text/") ? TextNode.valueOf(answer.body()) : answer.json();
    return validate(pointer, body);
  }

  /** Validates a body against a schema of the document, e.g. {@code /components/schemas/Problem}. */
  Set<String> validate(String pointer, JsonNode body) {
    JsonSchema schema = schemas.getSchema(SchemaLocation.of(DOC_URI + "#" + pointer));
    return schema.validate(body).stream()
        .map(ValidationMessage::getMessage)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private JsonNode resolve(String ref) {
    return document.at(ref.substring(1));
  }

  private static String pointerTo(
      JsonNode operation, String path, String method, String status, String mediaType) {
    String base = operation.path("responses").path(status).has("$ref")
        ? operation.path("responses").path(status).get("$ref").asText().substring(1)
        : "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
    return base + "/content/" + escape(mediaType) + "/schema";
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
