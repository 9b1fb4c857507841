// HELD-OUT evaluation set. Hand-written with phrasings different from the training split.
// Training never reads this file and it is never used for tuning: only eval.ts imports it.

import type { EntityType, IntentName } from '../types.ts';

export const HELDOUT_INTENTS: Record<IntentName, string[]> = {
  greeting: [
    'Hola muy buen dia a todos!!', 'holaaaaa, feliz día 😃', 'buenas tardes, con quien tengo el gusto', 'q onda, que tal', 'Buenos días Ana',
    'hola hola, alguien por aqui?', 'buenas noches, una consulta 🌙', 'hola que tal buen día', 'hey hola', 'muy buen dia tenga usted',
    'saludos cordiales', 'hola, que tal todo', 'ey buenas', 'hola señorita buenas tardes', 'holaa q tal, como les va',
    'bunas tardes', 'ola buen dia a ti',
  ],
  goodbye: [
    'ahi nos vemos', 'bueno, hasta luego', 'me despido, buen dia', 'byebye!', 'que descanses, adios', 'nos vemos luego',
    'luego les marco, bye', 'hasta la vista', 'ya me retiro, saludos', 'chao chao', 'adios y buen dia',
    'ok, hasta mañana', 'eso es todo por ahora, bye', 'nos leemos luego', 'me voy, cuidense', 'hasta pronto ana',
    'byee',
  ],
  thanks: [
    'Gracias, sirvió mucho!!!', 'muchas gracias por todo', 'mil gracias por la ayuda 🙏', 'gracias, usted es muy amable', 'te lo agradezco mucho',
    'gracias por contestar', 'graciass, de veras', 'muchísimas gracias señorita', 'gracias por la info, muy clara', 'se te agradece',
    'ok gracias por la informacion', 'gracias, excelente atencion', 'ty', 'gracias por atenderme tan rapido',
    'muy amable de tu parte', 'gracias de antemano', 'grax, me ayudaste un buen!!',
  ],
  affirm: [
    'siii obvio', 'simón, esa mera', 'va que va, dale', 'sale pues va', 'okas', 'claro q si, sin problema', 'si, adelante con eso', 'está bien, va', 'si me parece',
    'así es, todo bien', 'correcto, es ese', 'de acuerdo 👍', 'ajá, ese mismo', 'sí, por favor, hazlo', 'sipi', 'okey dokey', 'ándale pues',
  ],
  deny: [
    'nel, no quiero', 'no, muchas gracias', 'no por ahora gracias', 'mejor no, gracias', 'nop, no me interesa', 'ahorita no puedo', 'no no, eso no',
    'no me interesa por el momento', 'de momento no', 'no, asi dejalo', 'no es ese', 'nooo, así estoy bien', 'negativo, no',
    'no, ese no es', 'todavía no, luego', 'nel, ahorita no', 'no quiero nada',
  ],
  simulate_credit: [
    'si pido 60 mil a 2 años cuanto pagaria mensual', 'cuánto sería el pago mensual de 90,000', 'me cotizas un prestamo de 40 mil porfa',
    'quisiera saber cuanto pagaria si me prestan cien mil', 'cuanto saldria cada mes si pido medio millon a 3 años',
    'cuanto es el pago por 35 mil a 12 meses', 'que mensualidad me quedaria con 80k a 18 meses', 'calcula cuanto pagaria por 250,000',
    'si me prestan 70 mil cuanto seria mensualmente', 'hazme la cuenta de 120 mil a 36 meses', 'cuanto tendria q pagar x 50 mil',
    'cuánto pagaría de intereses en total por 100 mil', 'simulame un credito de 60 mil', 'y si lo pido a 24 meses cuanto quedaria',
    'cuanto es mensual por ciento veinte mil pesos', 'en cuanto me quedan los pagos si pido 30 mil', 'dame una cotizacion de 150 mil a dos años',
  ],
  apply_credit: [
    'necesito un préstamo urgente', 'me urge lana, tengo mi carro a mi nombre', 'ocupo 40 mil, tengo una troca 2017',
    'quiero tramitar mi prestamo ya', 'como puedo pedir un credito con ustedes', 'ando necesitando dinero y tengo mi auto',
    'me interesa el prestamo, quiero iniciar', 'quiero que me presten con mi coche', 'tengo un jetta 2019 y necesito 80 mil',
    'solicito un credito por favor', 'quiero pedir prestado', 'necesito una feria, me pueden ayudar? tengo mi nave',
    'quiero arrancar el tramite del prestamo', 'como hago la solicitud', 'me pueden prestar algo con mi camioneta',
    'quiero sacar dinero con mi carro', 'necesito liquidez y tengo un auto pagado',
  ],
  simulate_investment: [
    'si invierto 70 mil cuanto ganaria', 'cuanto rendimiento da invertir 100,000 a un año', 'cuanto me pagarian por invertir 50k',
    'que tanto gano si meto 200 mil', 'simulame una inversion de 300 mil', 'cuanto me dejaria de ganancia medio millon',
    'cuanto generaria 40 mil invertidos', 'si pongo cien mil cuanto me regresan al año', 'que rendimiento tendria con 80 mil a 2 años',
    'cuanto ganaria mensualmente con 150 mil', 'cuánto obtengo si invierto 25 mil', 'calculame la ganancia de invertir un millon',
    'cuanto me darían de intereses por 60 mil', 'si invierto 90 mil a 18 meses cuanto tendria al final', 'cuanto rinden 30 mil con ustedes',
    'cuanto sacaria invirtiendo 120 mil', 'que ganancia me dan por 10 mil',
  ],
  invest: [
    'me interesa ser inversionista de ustedes', 'como puedo invertir con club cash in', 'quiero invertir unos ahorros',
    'tengo 200 mil para invertir, quiero empezar', 'quiero volverme inversionista', 'quiero poner mi dinero con ustedes',
    'me gustaria invertir mi dinero', 'donde me registro como inversionista', 'quiero invertir, me contactan?',
    'busco donde invertir mi lana', 'quiero entrarle a invertir', 'deseo invertir', 'estoy interesado en ser inversor',
    'quiero abrir mi cuenta para invertir', 'me interesa invertir 50 mil', 'quiero meter mi dinero a invertir', 'como empiezo a ser inversionista',
  ],
  loan_status: [
    'cuanto debo todavia de mi prestamo', 'como va mi tramite', 'mi solicitud ya fue aprobada?', 'cual es mi saldo pendiente',
    'cuando me toca el siguiente pago', 'tengo algun pago atrasado', 'cuanto me falta para terminar de pagar', 'ya me aprobaron?',
    'estatus de mi credito', 'que dia vence mi mensualidad', 'cuantas mensualidades me faltan', 'estoy al corriente con mis pagos?',
    'cuanto necesito para liquidar todo', 'ya se registro mi pago de la semana pasada?', 'cuanto llevo pagado hasta hoy',
    'me pueden decir mi adeudo', 'en que va mi solicitud de credito',
  ],
  make_payment: [
    'a que cuenta les pago', 'me pasan la clabe porfa', 'ya realice mi pago', 'aqui les mando el comprobante',
    'donde puedo pagar mi mensualidad', 'puedo pagar en el oxxo?', 'cual es mi numero de referencia para pagar',
    'ya hice la transferencia de este mes', 'como hago para abonar a capital', 'quiero pagar por adelantado',
    'les deposite ayer en la tarde', 'me das los datos para depositar', 'puedo pagar con tarjeta de credito?',
    'quiero liquidar mi prestamo, como le hago', 'a que banco deposito', 'ya pague 👍 te mando foto del ticket', 'quiero hacer el pago de mi mensualidad',
  ],
  book_appointment: [
    'quiero agendar una visita', 'me puede marcar un asesor mañana', 'quiero una cita para el viernes a las 10',
    'puedo ir a su oficina el lunes?', 'agendemos una llamada', 'quiero que me hablen por telefono', 'quiero cita para que valúen mi carro',
    'me interesa agendar una revision de mi auto', 'pueden llamarme hoy en la tarde?', 'quisiera programar una cita',
    'tienen lugar el sabado en la mañana?', 'agendame una llamada para el martes', 'me pueden visitar para ver la camioneta',
    'hay citas disponibles esta semana?', 'quiero reservar una cita', 'marquenme al rato porfa', 'cuando puedo llevar el coche para que lo vean',
  ],
  manage_appointment: [
    'necesito cancelar la cita', 'puedo mover mi cita al jueves', 'quiero cambiar la fecha de mi cita', 'mi cita es a las 4 verdad?',
    'ya no podre ir a la cita de mañana', 'reagendemos la cita porfa', 'cambia mi cita para la proxima semana', 'confirmo la cita del lunes',
    'cancelen mi cita por favor', 'se puede recorrer mi cita una hora', 'a que hora quedo mi cita', 'quiero posponer mi cita',
    'anulen la cita', 'mi cita sigue en pie para mañana?', 'cambiame la llamada para otro dia', 'no voy a llegar a la cita, la movemos?',
    'quisiera reprogramar mi cita',
  ],
  contract: [
    'donde firmo mi contrato', 'no me ha llegado el link para firmar', 'me pueden reenviar el contrato', 'ya firme los documentos',
    'quiero revisar el contrato', 'el link de docuseal no funciona', 'como le hago para firmar', 'necesito una copia del contrato',
    'me falta firmar algo?', 'mandame los documentos para firmar', 'tengo dudas con el contrato', 'ya esta mi contrato?',
    'puedo firmar el contrato en linea', 'no puedo abrir el contrato', 'quiero firmar ya', 'enviame el pagare para firmarlo',
    'listo, ya lo firme',
  ],
  marketplace: [
    'tienen carros en venta?', 'quiero comprar una camioneta', 'me enseñas su catalogo de autos', 'que autos venden',
    'busco un carro seminuevo', 'tienen algun sentra disponible?', 'quiero ver los carros que tienen', 'venden trocas?',
    'me interesa comprar un auto', 'cuanto cuesta el aveo que publicaron', 'que camionetas tienen a la venta', 'tienen coches baratos?',
    'sigue disponible el carro rojo?', 'quiero comprarme un carro', 'ando buscando una nave para comprar', 'busco auto de segunda mano',
    'tienen autos usados?',
  ],
  human_agent: [
    'me pasas con un asesor porfa', 'quiero hablar con alguien de verdad', 'comunicame con una persona', 'necesito un ejecutivo',
    'pasame con un agente', 'hablar con asesor', 'quiero que me atienda una persona', 'eres robot? quiero un humano',
    'me pueden comunicar con alguien', 'hay algun asesor disponible?', 'quiero atencion de una persona', 'pasame con tu jefe',
    'no quiero hablar con maquina', 'me transfieres con un asesor', 'que me conteste una persona', 'asesor humano porfavor',
    'necesito hablar con un ejecutivo ya',
  ],
  complaint: [
    'quiero levantar una queja', 'pésimo servicio, nadie me responde', 'me cobraron una cantidad que no era', 'esto es un robo',
    'los voy a reportar a condusef', 'estoy muy enojado con ustedes', 'el de cobranza me hablo muy feo', 'me hicieron un cobro doble',
    'ya pague y siguen cobrandome', 'son una estafa', 'que mala atencion', 'tengo una inconformidad con mi cuenta',
    'me estan hostigando con llamadas', 'llevo una semana esperando respuesta, que mal', 'no me depositaron y ya me cobran',
    'me cobraron un cargo que no autorice', 'pongo una queja formal',
  ],
  faq: [
    'que necesito para el prestamo', 'cuales son los requisitos', 'que tasa de interes tienen', 'me tengo que quedar sin carro?',
    'el carro se queda conmigo?', 'para que ponen el gps', 'cual es el horario de atencion', 'donde tienen oficinas',
    'es confiable esta empresa?', 'me explicas que es el CAT?', 'revisan el buro de credito?', 'cuanto tardan en aprobar',
    'hasta cuanto me pueden prestar', 'necesito comprobar ingresos?', 'que pasa si me atraso en un pago', 'aceptan autos de 2010?',
    'como funciona lo de la inversion',
  ],
  out_of_scope: [
    'como va a estar el clima el fin de semana', 'quien gano anoche', 'cuentame algo chistoso', 'que comiste hoy',
    'me ayudas con un ensayo', 'cual es el rio mas largo del mundo', 'jajajaja', 'hablame del america', 'pon musica',
    'cuanto vale el euro hoy', 'como preparo pozole', 'que opinas de la politica', 'quiero pedir un uber',
    'tienes hermanos?', 'cual es tu pelicula favorita', 'me recomiendas un restaurante', 'asdasd',
  ],
};

/** Expected entity values for a small held-out entity check (values only, not offsets). */
export interface HeldoutEntityCase { text: string; expected: { type: EntityType; value: string | number }[] }

export const HELDOUT_ENTITY_REFERENCE_TIME = '2026-03-10T18:00:00Z'; // a Tuesday, 12:00 in Mexico City

export const HELDOUT_ENTITIES: HeldoutEntityCase[] = [
  { text: 'quiero 95 mil a 30 meses', expected: [{ type: 'amount', value: 95000 }, { type: 'term_months', value: 30 }] },
  { text: 'necesito $45,500 pesos', expected: [{ type: 'amount', value: 45500 }] },
  { text: 'me prestan doscientos cincuenta mil?', expected: [{ type: 'amount', value: 250000 }] },
  { text: 'unos 60k a dos años porfa', expected: [{ type: 'amount', value: 60000 }, { type: 'term_months', value: 24 }] },
  { text: 'un millon y medio a 4 años', expected: [{ type: 'amount', value: 1500000 }, { type: 'term_months', value: 48 }] },
  { text: 'tengo un sentra 2017', expected: [{ type: 'vehicle_brand', value: 'nissan' }, { type: 'vehicle_year', value: 2017 }] },
  { text: 'mi troca es una lobo modelo 2014', expected: [{ type: 'vehicle_brand', value: 'ford' }, { type: 'vehicle_year', value: 2014 }] },
  { text: 'es un chevy 2009', expected: [{ type: 'vehicle_brand', value: 'chevrolet' }, { type: 'vehicle_year', value: 2009 }] },
  { text: 'mi correo es Juan.Perez@Gmail.com', expected: [{ type: 'email', value: 'juan.perez@gmail.com' }] },
  { text: 'marcame al 33 1234 5678', expected: [{ type: 'phone', value: '+523312345678' }] },
  { text: 'prefiero pagos que vayan bajando', expected: [{ type: 'payment_scheme', value: 'decreasing' }] },
  { text: 'quiero pagar nada mas intereses', expected: [{ type: 'payment_scheme', value: 'interest_only' }] },
  { text: 'con la misma mensualidad todos los meses', expected: [{ type: 'payment_scheme', value: 'fixed' }] },
  { text: 'mañana a las 11', expected: [{ type: 'datetime', value: '2026-03-11T17:00:00.000Z' }] },
  { text: 'el jueves a las 4 de la tarde', expected: [{ type: 'datetime', value: '2026-03-12T22:00:00.000Z' }] },
  { text: 'veinticuatro meses', expected: [{ type: 'term_months', value: 24 }] },
  { text: 'cuanto por trescientos mil pesos', expected: [{ type: 'amount', value: 300000 }] },
  { text: 'mi carro 2020 vale como 180 mil', expected: [{ type: 'vehicle_year', value: 2020 }, { type: 'amount', value: 180000 }] },
  { text: 'a 36 meses con pagos fijos', expected: [{ type: 'term_months', value: 36 }, { type: 'payment_scheme', value: 'fixed' }] },
  { text: 'un vocho del 98', expected: [{ type: 'vehicle_brand', value: 'volkswagen' }] },
];
