// Dates and times as Ana says them, in the customer's zone: "hoy a las 17:30",
// "mañana a las 9:00", "el lunes 24 de noviembre a las 9:00", "15 de julio de 2025".
const dayKey = (date: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);

export function sayWhen(moment: Date, now: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('es-MX', { timeZone, hour: 'numeric', minute: '2-digit', hour12: false }).format(moment);
  const today = dayKey(now, timeZone);
  const tomorrow = dayKey(new Date(now.getTime() + 86_400_000), timeZone);
  const day = dayKey(moment, timeZone);
  if (day === today) return `hoy a las ${time}`;
  if (day === tomorrow) return `mañana a las ${time}`;
  const date = new Intl.DateTimeFormat('es-MX', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(moment).replace(',', '');
  return `el ${date} a las ${time}`;
}

/** A calendar date "YYYY-MM-DD" as "15 de julio de 2025". */
export function sayDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat('es-MX', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year!, month! - 1, day!)));
}
