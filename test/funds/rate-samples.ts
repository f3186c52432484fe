/** Rate files written as the ECB and InforEuro publish them (values of the period, by hand). */

/** The ECB's eurofxref-hist.csv: newest first, a trailing comma, N/A where not quoted. */
export const ECB_CSV = [
  'Date,USD,JPY,CZK,GBP,CHF,RON,CAD,',
  '2024-01-05,1.0921,158.2,24.688,0.86075,0.9305,4.9721,1.4612,',
  '2024-01-04,1.0953,158.52,24.687,0.86408,0.9338,4.9723,1.4636,',
  '2024-01-03,1.0919,156.53,24.703,0.86518,0.9289,4.9733,1.4584,',
  '2008-12-31,1.3917,126.14,26.875,0.9525,1.485,4.0225,1.6998,',
  '1999-01-04,1.1789,133.73,35.107,0.7111,1.6168,N/A,1.8004,',
  '',
].join('\n')

/** InforEuro's table for January 2024 saved as CSV: several countries share a currency. */
export const INFOREURO_CSV = [
  'Country,Currency,ISO A3 code,ISO A2 code,Value,Comment',
  'United States,US dollar,USD,US,1.0946,',
  'Ecuador,US dollar,USD,EC,1.0946,',
  'Canada,Canadian dollar,CAD,CA,1.4565,',
  'Switzerland,Swiss franc,CHF,CH,0.9312,',
  'Senegal,CFA franc BCEAO,XOF,SN,655.957,',
  'France,Euro,EUR,FR,1,',
  'Morocco,Moroccan dirham,MAD,MA,10.8622,',
  'Japan,Yen,JPY,JP,157.68,',
  '"Congo, Democratic Republic",Congolese franc,CDF,CD,2955.42,',
  '',
].join('\r\n')

/** The same kind of table as a French spreadsheet saves it: semicolons, decimal commas, a month. */
export const INFOREURO_CSV_FR = [
  'Pays;Devise;Code ISO A3;Valeur;Mois',
  'États-Unis;Dollar US;USD;1,0823;03/2024',
  'Royaume-Uni;Livre sterling;GBP;0,8551;03/2024',
  '',
].join('\n')

/** InforEuro's table for February 2024 saved as XML. */
export const INFOREURO_XML = `<?xml version="1.0" encoding="UTF-8"?>
<exchangeRates>
  <month>2024-02</month>
  <exchangeRate>
    <country>United States</country><currency>US dollar</currency>
    <isoA3Code>USD</isoA3Code><isoA2Code>US</isoA2Code><value>1.0823</value><comment/>
  </exchangeRate>
  <exchangeRate>
    <country>Rwanda</country><currency>Rwanda franc</currency>
    <isoA3Code>RWF</isoA3Code><isoA2Code>RW</isoA2Code><value>1373.03</value><comment/>
  </exchangeRate>
  <exchangeRate>
    <country>Côte d'Ivoire</country><currency>CFA franc BCEAO</currency>
    <isoA3Code>XOF</isoA3Code><isoA2Code>CI</isoA2Code><value>655.957</value><comment/>
  </exchangeRate>
</exchangeRates>
`
