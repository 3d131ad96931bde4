/** The emoji shortcodes a bot is likely to send; others stay as written (":name:"). */
const EMOJI: Record<string, string> = {
  white_check_mark: "✅", heavy_check_mark: "✔️", x: "❌", warning: "⚠️", bell: "🔔", memo: "📝", mag: "🔍",
  books: "📚", book: "📖", page_facing_up: "📄", calendar: "📆", date: "📅", clipboard: "📋", lock: "🔒",
  unlock: "🔓", bust_in_silhouette: "👤", busts_in_silhouette: "👥", speech_balloon: "💬", thumbsup: "👍",
  "+1": "👍", thumbsdown: "👎", "-1": "👎", hourglass: "⌛", hourglass_flowing_sand: "⏳", information_source: "ℹ️",
  red_circle: "🔴", large_green_circle: "🟢", large_yellow_circle: "🟡", large_blue_circle: "🔵", large_orange_circle: "🟠",
  white_circle: "⚪", star: "⭐", tada: "🎉", wave: "👋", pushpin: "📌", link: "🔗", inbox_tray: "📥", outbox_tray: "📤",
  bar_chart: "📊", chart_with_upwards_trend: "📈", envelope: "✉️", email: "📧", scales: "⚖️", hospital: "🏥",
  classical_building: "🏛️", newspaper: "📰", rotating_light: "🚨", eyes: "👀", raised_hands: "🙌", pray: "🙏",
  no_entry: "⛔", no_entry_sign: "🚫", question: "❓", grey_question: "❔", exclamation: "❗", arrow_right: "➡️",
  arrows_counterclockwise: "🔄", repeat: "🔁", shield: "🛡️", spiral_note_pad: "🗒️", card_index_dividers: "🗂️",
  file_folder: "📁", open_file_folder: "📂", zap: "⚡", bulb: "💡", handshake: "🤝", sparkles: "✨", mailbox: "📫",
};

export function emojify(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
}
