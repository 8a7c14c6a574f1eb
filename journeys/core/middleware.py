from django.utils.cache import add_never_cache_headers


class NoStoreMiddleware:
    """No page of the archive is kept by the browser or by anything between it and Journeys.

    Every response that reaches this middleware gets `Cache-Control: no-store, private`, so a
    laptop's browser cache holds no testimony once the tab is closed, a shared proxy keeps
    nothing, and the Back button after signing out asks the server (which refuses) instead
    of showing the page again. Static files are answered earlier, by WhiteNoise, and stay
    cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        add_never_cache_headers(response)
        return response


class HeadWithoutBodyMiddleware:
    """A HEAD request gets the headers of the GET and no body.

    Django leaves that to the server and waitress sends whatever the application returns, so
    a HEAD answered with a page put the page on the wire after the headers; a keep-alive
    client then read it as the start of its next response. Outermost in MIDDLEWARE, so
    Content-Length still says the GET's length, as HTTP asks.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                response.close()
                response.streaming_content = []
            else:
                response.content = b""
        return response
