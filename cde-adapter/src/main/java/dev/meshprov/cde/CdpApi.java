package dev.meshprov.cde;

import feign.Headers;
import feign.RequestLine;
import feign.Response;
import java.util.Map;

/** The CDP control-plane calls meshprov makes (Feign); every call is a signed JSON {@code POST}. */
@Headers("Content-Type: application/json")
interface CdpApi {

    @RequestLine("POST /api/v1/de/listServices")
    Response listServices(Map<String, Object> body);

    @RequestLine("POST /api/v1/de/describeService")
    Response describeService(Map<String, Object> body);

    @RequestLine("POST /api/v1/de/listVcs")
    Response listVcs(Map<String, Object> body);

    @RequestLine("POST /api/v1/de/describeVc")
    Response describeVc(Map<String, Object> body);
}
