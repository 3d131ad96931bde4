import { send, setupComposer } from "./composer";
import { setupInteractions } from "./interactions";
import { setupMessageMenus } from "./menus";
import { setupPanels } from "./panels";
import { Session } from "./session";

/** The sandbox page: draws the server's state, redraws on every change it hears about, sends what people do. */
const session = new Session();
setupInteractions(session);
setupMessageMenus(session);
setupComposer(session);
setupPanels(session);

document.addEventListener("click", (event) => {
  const target = event.target instanceof HTMLElement ? event.target : null;
  const link = target?.closest<HTMLElement>("[data-open]");
  if (link) {
    event.preventDefault();
    void session.navigate(link.dataset.open ?? "");
  }
  if (target?.closest("#run-digest")) void send(session, "/digest now");
});

document.addEventListener("change", (event) => {
  if (event.target instanceof HTMLSelectElement && event.target.id === "acting-as")
    void session.actAs(event.target.value);
});

const changes = new EventSource("/sandbox/events");
changes.addEventListener("change", () => void session.refresh());

void session.navigate(session.open);
