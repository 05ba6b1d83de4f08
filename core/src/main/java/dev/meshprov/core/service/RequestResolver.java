package dev.meshprov.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.descriptor.DescriptorParser;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.UpdateAclRequest;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.Technology;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Optional;

/**
 * The first step of every use case: parses a request's descriptor, routes its component to a technology and
 * validates it by that technology's rules, giving the {@link Resolved} request or every problem found.
 */
final class RequestResolver {

    private final SafeYaml yaml;
    private final DescriptorParser parser;
    private final TechnologyRegistry registry;

    RequestResolver(SafeYaml yaml, TechnologyRegistry registry) {
        this.yaml = yaml;
        this.parser = new DescriptorParser(yaml);
        this.registry = registry;
    }

    /** Resolves a provisioning request (validate, provision, unprovision, plan) for {@code operation}. */
    Validation<Seq<Problem>, Resolved<?>> resolve(
            Target target, ProvisioningRequest request, CallOptions options, Operation operation) {
        return parser.parse(request, options.componentId()).flatMap(component -> resolve(target, component, operation));
    }

    /** Resolves the component of an update ACL request's {@code provisionInfo.request}. */
    Validation<Seq<Problem>, Resolved<?>> resolve(Target target, UpdateAclRequest request) {
        return aclComponent(request).flatMap(component -> resolve(target, component, Operation.UPDATE_ACL));
    }

    private Validation<Seq<Problem>, Resolved<?>> resolve(
            Target target, ComponentRequest request, Operation operation) {
        return registry.select(target, request.component())
                .flatMap(registration ->
                        validateWith(registration, registration.technology().orElseThrow(), request, operation));
    }

    private static <S> Validation<Seq<Problem>, Resolved<?>> validateWith(
            Registration registration, Technology<S> technology, ComponentRequest request, Operation operation) {
        return technology.validate(request, operation).map(spec ->
                (Resolved<?>) new Resolved<>(registration, technology, spec, request));
    }

    private Validation<Seq<Problem>, ComponentRequest> aclComponent(UpdateAclRequest request) {
        String field = "provisionInfo.request";
        return yaml.parseReadOnly(request.provisionRequest(), field)
                .flatMap(root -> {
                    JsonNode descriptor = root.path("descriptor");
                    if (root.isObject() && descriptor.isTextual()) {
                        return parser.parseDescriptor(descriptor.asText(), field + ".descriptor", Optional.empty());
                    }
                    return parser.fromTree(root, field, Optional.empty());
                })
                .map(located -> ComponentRequest.of(located.dataProduct(), located.component(), false));
    }
}
