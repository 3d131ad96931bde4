import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type App,
  type BufferedIncomingMessage,
  HTTPModuleFunctions,
  HTTPResponseAck,
  type Logger,
  type ReceiverEvent,
} from "@slack/bolt";

/**
 * Hands a request the front door has already read, verified and parsed to the Bolt app, as Bolt's
 * HTTP receiver would after parsing it again: Slack's URL check answered, an `ack` that writes the
 * response (or a 404 after 3 seconds unanswered), the retry headers, and an error in the listeners
 * answered as the receiver answers it.
 */
export function boltDispatcher(
  app: App,
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>) => void {
  return (req, res, body) => {
    if (body.type === "url_verification") {
      HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
      return;
    }
    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      httpRequest: req as BufferedIncomingMessage,
      httpRequestBody: body,
      httpResponse: res,
    });
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
      retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
      customProperties: {},
    };
    app
      .processEvent(event)
      .then(
        () => {
          if (ack.storedResponse !== undefined) HTTPModuleFunctions.buildContentResponse(res, ack.storedResponse);
        },
        async (error: unknown) => {
          const acknowledged = await HTTPModuleFunctions.defaultProcessEventErrorHandler({
            error: error as Error,
            logger,
            request: req,
            response: res,
            storedResponse: ack.storedResponse,
          });
          if (acknowledged) ack.ack();
        },
      )
      // Nothing a request carries may end the process with an unhandled rejection.
      .catch((error: unknown) => logger.error("A request could not be answered", error));
  };
}
