import type { Metadata } from "next";
import { OrderStatus } from "@/components/checkout/OrderStatus";
import { parseCheckoutReturn } from "@/lib/checkout/orderView";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The link is private to the buyer (it carries the order's key): keep it out of search engines, and out of
// the Referer header of the links on this page.
export const metadata: Metadata = {
  title: "Your order",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/**
 * A card order: where the payment page returns to (`?key=…&checkout=success|cancelled`), and the receipt's
 * link. The key (the order's secret) is what lets this page read and cancel the order.
 */
export default async function OrderPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const key = typeof query.key === "string" ? query.key : "";
  return (
    <main id="main" className="container stack-lg order-main">
      <h1>Your order</h1>
      <OrderStatus id={id} orderKey={key} via={parseCheckoutReturn(query.checkout)} />
    </main>
  );
}
