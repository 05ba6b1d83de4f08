package dev.meshprov.jdbc;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.meshprov.core.model.InfoEntry;
import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.UpstreamFailure;

/**
 * A task as the JSON text of the {@code body} column, and back. Records are written from their fields, so derived
 * accessors ({@code isFinished}, {@code describe}) are not stored; the sealed types carry a {@code type} name.
 */
final class TaskJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .addMixIn(InfoEntry.class, InfoEntryTypes.class)
            .addMixIn(UpstreamFailure.class, UpstreamFailureTypes.class)
            .build();

    private TaskJson() {}

    static String write(Task task) {
        try {
            return MAPPER.writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a task could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Task read(String json) {
        try {
            return MAPPER.readValue(json, Task.class);
        } catch (JsonProcessingException e) {
            throw new TaskStoreException("a stored task could not be read (" + e.getOriginalMessage()
                    + "); was it written by a newer meshprov?");
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = InfoEntry.Text.class, name = "string"),
        @JsonSubTypes.Type(value = InfoEntry.Link.class, name = "link"),
        @JsonSubTypes.Type(value = InfoEntry.Date.class, name = "date")
    })
    private interface InfoEntryTypes {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = UpstreamFailure.Rejected.class, name = "rejected"),
        @JsonSubTypes.Type(value = UpstreamFailure.NotFound.class, name = "notFound"),
        @JsonSubTypes.Type(value = UpstreamFailure.Conflict.class, name = "conflict"),
        @JsonSubTypes.Type(value = UpstreamFailure.Unauthorized.class, name = "unauthorized"),
        @JsonSubTypes.Type(value = UpstreamFailure.Unavailable.class, name = "unavailable"),
        @JsonSubTypes.Type(value = UpstreamFailure.TimedOut.class, name = "timedOut"),
        @JsonSubTypes.Type(value = UpstreamFailure.Malformed.class, name = "malformed")
    })
    private interface UpstreamFailureTypes {}
}
